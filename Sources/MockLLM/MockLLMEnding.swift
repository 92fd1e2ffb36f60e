/// How a response ends once its frames are written.
public enum MockLLMEnding: Sendable, Hashable {
    /// The body is finished normally.
    case complete
    /// The connection is closed without finishing the body (a network failure mid-stream).
    case dropConnection
    /// The body is never finished; with no frames at all, not even the response head should be sent.
    case hang
}
