import MLCommonsCore

extension OpenAIChatCompletionsFunctionCalling {
    /// `$.usage`: prompt, completion and total tokens, cached prompt tokens and reasoning tokens.
    public func tokenUsage(in dataAsMap: JSONValue) -> TokenUsage? {
        guard let usage = dataAsMap["usage"]?.objectValue else { return nil }
        return TokenUsage(
            inputTokens: TokenUsage.long(usage["prompt_tokens"]), outputTokens: TokenUsage.long(usage["completion_tokens"]),
            totalTokens: TokenUsage.long(usage["total_tokens"]),
            cacheReadInputTokens: TokenUsage.long(usage["prompt_tokens_details"]?.objectValue?["cached_tokens"]),
            reasoningTokens: TokenUsage.long(usage["completion_tokens_details"]?.objectValue?["reasoning_tokens"]))
    }
}
