/// A failure injected instead of, or in the middle of, the reply.
///
/// `afterChunks` counts stream frames: SSE events for OpenAI, event-stream messages for Bedrock.
public enum MockLLMFault: Sendable, Hashable {
    /// Answers `status` with `body` verbatim, or with the provider's own server-error body when `body` is nil.
    case httpError(status: Int, body: String?)
    /// HTTP 429 in the provider's format (Bedrock: `ThrottlingException`); with `afterChunks` on a stream,
    /// the stream starts normally and the throttling error arrives in-stream after that many frames.
    case rateLimit(afterChunks: Int?)
    /// Writes `afterChunks` frames, then closes the connection (non-stream: half of the JSON body).
    case closeMidStream(afterChunks: Int)
    /// Inserts one broken frame after `afterChunks` frames (an unparseable SSE `data:` line, or an
    /// event-stream message with a bad CRC), then writes the rest (non-stream: a truncated JSON body).
    case malformedChunk(afterChunks: Int)
    /// Writes `afterChunks` frames, then never finishes; with 0, the server should not even answer.
    case noAnswer(afterChunks: Int)
}
