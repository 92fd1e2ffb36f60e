/// Deterministic token counts of one exchange.
struct MockLLMUsage: Sendable, Hashable {
    var inputTokens: Int
    var outputTokens: Int
    var totalTokens: Int { inputTokens + outputTokens }
}
