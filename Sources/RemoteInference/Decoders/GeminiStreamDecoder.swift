import MLCommonsCore

/// A Vertex AI `streamGenerateContent?alt=sse` body as ml-commons 3.9's `HttpStreamingHandler.onGeminiEvent` reads
/// it: the first candidate's first part's text, nothing else (no tool calls, no usage); a finish reason or a blocked
/// prompt ends the answer; a chunk it cannot read is skipped.
public struct GeminiStreamDecoder: Sendable {
    private var reader = OkHttpEventSourceReader()

    /// Whether the answer ended (`sendCompletionResponse` ran); nothing is emitted afterwards.
    public private(set) var isCompleted = false
    /// Gemini streams never hand a tool call to the agent.
    public var awaitsToolResult: Bool { false }

    public init(profile: VersionProfile = VersionProfile()) {}

    public mutating func feed(_ bytes: some Collection<UInt8>) -> [ProviderEvent] {
        reader.feed(bytes).flatMap { events(forData: $0) }
    }

    /// A body that ends without a finish reason sends no last chunk (`onClosed` only logs).
    public mutating func finish() throws(InferenceError) -> [ProviderEvent] {
        guard !isCompleted else { return [] }
        try reader.finish()
        return []
    }

    /// The events of one SSE event's `data`.
    public mutating func events(forData data: String) -> [ProviderEvent] {
        guard !isCompleted, let chunk = GsonMapReader.object(from: data) else { return [] }
        if let reason = chunk["promptFeedback"]?["blockReason"], reason != .null {
            isCompleted = true
            return [.completed]
        }
        var events: [ProviderEvent] = []
        let candidate = chunk["candidates"]?.arrayValue?.first
        if let text = candidate?["content"]?["parts"]?.arrayValue?.first?["text"]?.stringValue, !text.isEmpty {
            events.append(.text(text))
        }
        if let reason = candidate?["finishReason"], reason != .null {
            isCompleted = true
            events.append(.completed)
        }
        return events
    }
}

extension GeminiStreamDecoder: ProviderStreamDecoder {
    /// The same OkHttp listener as OpenAI's: a refusal's body, or a body that is not an event stream.
    public static func check(_ response: UpstreamResponse) async throws(InferenceError) {
        try await OpenAIChatStreamDecoder.check(response)
    }

    public static func sendFailure(_ error: any Error) -> InferenceError { .sseNetworkFailure }

    public static func readFailure(_ error: UpstreamTransportError) -> InferenceError { .sseNetworkFailure }
}
