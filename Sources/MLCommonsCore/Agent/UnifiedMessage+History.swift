/// How much of a stored conversation a unified run replays (`getMessageHistoryLimit`, 3.6+).
extension UnifiedMessage {
    /// The last `message_history_limit` (10) messages; a limit of 0 or less keeps them all.
    public static func recent(_ history: [UnifiedMessage], parameters: [String: String]) throws(OpenSearchError) -> [UnifiedMessage] {
        let limit = try parameters["message_history_limit"].map { text throws(OpenSearchError) in try JavaInt.parse(text) } ?? 10
        return limit > 0 && history.count > limit ? Array(history.suffix(limit)) : history
    }
}
