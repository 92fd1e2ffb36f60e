import MLCommonsCore

extension BedrockConverseFunctionCalling {
    /// Converse's `usage`: input, output and total tokens, cache reads and cache writes.
    public func tokenUsage(in dataAsMap: JSONValue) -> TokenUsage? {
        guard let usage = dataAsMap["usage"]?.objectValue else { return nil }
        return TokenUsage(
            inputTokens: TokenUsage.long(usage["inputTokens"]), outputTokens: TokenUsage.long(usage["outputTokens"]),
            totalTokens: TokenUsage.long(usage["totalTokens"]),
            cacheReadInputTokens: TokenUsage.long(usage["cacheReadInputTokens"]),
            cacheCreationInputTokens: TokenUsage.long(usage["cacheWriteInputTokens"]))
    }
}
