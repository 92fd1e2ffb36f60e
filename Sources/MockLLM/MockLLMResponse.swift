/// What the offline LLM answers: a status, headers, and a body written as timed frames.
///
/// Non-streaming replies are a single frame; streams have one frame per SSE event or event-stream message.
public struct MockLLMResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Response headers in order.
    public var headers: [(name: String, value: String)]
    /// The body, in the pieces (and with the pauses) it must be written.
    public var frames: [MockLLMFrame]
    /// What happens after the last frame.
    public var ending: MockLLMEnding

    /// Creates a response.
    public init(
        status: Int,
        headers: [(name: String, value: String)],
        frames: [MockLLMFrame],
        ending: MockLLMEnding = .complete
    ) {
        self.status = status
        self.headers = headers
        self.frames = frames
        self.ending = ending
    }

    /// Every frame's bytes concatenated, ignoring delays.
    public var body: [UInt8] { frames.flatMap(\.bytes) }

    /// The body as text (lossy for non-UTF-8 bytes such as event-stream frames).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The value of the first header called `name` (case-insensitive).
    public func headerValue(named name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// Whether the body is a stream (SSE or AWS event-stream) rather than one JSON document.
    public var isStream: Bool {
        guard let contentType = headerValue(named: "content-type") else { return false }
        return contentType.hasPrefix("text/event-stream") || contentType.hasPrefix("application/vnd.amazon.eventstream")
    }
}
