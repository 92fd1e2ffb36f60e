extension PayloadRenderer {
    /// `Connector.validatePayload`: a payload still holding `${parameters` names what is missing,
    /// `IllegalArgumentException("Some parameter placeholder not filled in payload: a, b")`.
    ///
    /// A leftover `${parameters` with no complete placeholder makes Java's `substring(0, -2)` fail, which
    /// surfaces as a `StringIndexOutOfBoundsException` (500).
    public static func validate(_ payload: String) throws(OpenSearchError) {
        guard PlaceholderScanner.contains("${parameters", in: payload) else { return }
        let names = PlaceholderScanner.unfilledParameterNames(in: payload)
        guard !names.isEmpty else {
            throw OpenSearchError("StringIndexOutOfBoundsException", reason: "begin 0, end -2, length 0", status: 500)
        }
        throw .illegalArgument("Some parameter placeholder not filled in payload: \(names.joined(separator: ", "))")
    }
}
