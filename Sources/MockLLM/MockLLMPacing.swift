/// How fast the reply is produced.
public struct MockLLMPacing: Sendable, Hashable {
    /// Pause before the first frame of a stream (and part of the wait for a non-stream reply).
    public var timeToFirstToken: Duration
    /// Pause before every content chunk after the first.
    public var delayBetweenTokens: Duration
    /// Tokens (words with their leading whitespace) per streamed content chunk; at least 1.
    public var tokensPerChunk: Int

    /// Creates a pacing.
    public init(timeToFirstToken: Duration = .zero, delayBetweenTokens: Duration = .zero, tokensPerChunk: Int = 1) {
        self.timeToFirstToken = timeToFirstToken
        self.delayBetweenTokens = delayBetweenTokens
        self.tokensPerChunk = max(1, tokensPerChunk)
    }

    /// No pauses, one token per chunk.
    public static let immediate = MockLLMPacing()
}
