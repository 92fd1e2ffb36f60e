import MLCommonsCore

/// The tokens of one LLM call, or of several summed (`TokenUsage`); a field the provider did not report
/// stays absent, and absent plus a number is that number.
public struct TokenUsage: Sendable, Hashable {
    public var inputTokens: Int64?
    public var outputTokens: Int64?
    public var totalTokens: Int64?
    public var cacheReadInputTokens: Int64?
    public var cacheCreationInputTokens: Int64?
    public var reasoningTokens: Int64?

    public init(
        inputTokens: Int64? = nil, outputTokens: Int64? = nil, totalTokens: Int64? = nil,
        cacheReadInputTokens: Int64? = nil, cacheCreationInputTokens: Int64? = nil, reasoningTokens: Int64? = nil
    ) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.totalTokens = totalTokens
        self.cacheReadInputTokens = cacheReadInputTokens
        self.cacheCreationInputTokens = cacheCreationInputTokens
        self.reasoningTokens = reasoningTokens
    }

    /// Field by field, as `addTokens` sums (`total_tokens` is summed as reported, never recomputed); like Java's
    /// `long`, a sum past the range wraps instead of failing.
    public func adding(_ other: TokenUsage) -> TokenUsage {
        func sum(_ a: Int64?, _ b: Int64?) -> Int64? { a.map { $0 &+ (b ?? 0) } ?? b }
        return TokenUsage(
            inputTokens: sum(inputTokens, other.inputTokens), outputTokens: sum(outputTokens, other.outputTokens),
            totalTokens: sum(totalTokens, other.totalTokens),
            cacheReadInputTokens: sum(cacheReadInputTokens, other.cacheReadInputTokens),
            cacheCreationInputTokens: sum(cacheCreationInputTokens, other.cacheCreationInputTokens),
            reasoningTokens: sum(reasoningTokens, other.reasoningTokens))
    }

    /// `toMap()`: the reported fields only.
    public var fields: [(String, JSONValue)] {
        let all: [(String, Int64?)] = [
            ("input_tokens", inputTokens), ("output_tokens", outputTokens), ("total_tokens", totalTokens),
            ("cache_read_input_tokens", cacheReadInputTokens), ("cache_creation_input_tokens", cacheCreationInputTokens),
            ("reasoning_tokens", reasoningTokens),
        ]
        return all.compactMap { name, value in value.map { (name, .number(JSONNumber(text: String($0)))) } }
    }

    /// `AgentUtils.getLongValue`: any number (truncated) or a numeric string; anything else is absent.
    static func long(_ value: JSONValue?) -> Int64? {
        switch value {
        case .number(let number)?:
            if let exact = Int64(number.text) { return exact }
            let double = number.doubleValue.rounded(.towardZero)
            return double.isFinite && abs(double) < 9.2e18 ? Int64(double) : nil
        case .string(let text)?: return Int64(text)
        default: return nil
        }
    }
}
