/// One piece of a response body and the pause before it is written.
public struct MockLLMFrame: Sendable, Hashable {
    /// How long to wait, after the previous frame (or the response head), before writing `bytes`.
    public var delay: Duration
    /// The bytes to write at once.
    public var bytes: [UInt8]

    /// Creates a frame.
    public init(delay: Duration = .zero, bytes: [UInt8]) {
        self.delay = delay
        self.bytes = bytes
    }
}
