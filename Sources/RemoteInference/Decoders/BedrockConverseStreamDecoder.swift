import MLCommonsCore
import WireFormats

/// Turns a Bedrock ConverseStream body (`application/vnd.amazon.eventstream`) into provider events
/// exactly as ml-commons' `BedrockStreamingHandler` reacts to the SDK's events, in the profile's release.
///
/// Feed the body in chunks of any size; the events do not depend on where it is split. One decoder
/// serves one upstream response.
public struct BedrockConverseStreamDecoder: Sendable {
    private var frames = EventStreamFrameFeeder()
    private var handler: BedrockConverseEventHandler
    /// The failure to report; thrown again by every later call, as the SDK delivers only one.
    private var failure: InferenceError?

    /// Whether `.completed` was emitted (ml-commons' `isStreamClosed`); nothing is emitted or thrown
    /// afterwards, because ml-commons has completed the channel and later sends reach no client.
    public var isCompleted: Bool { handler.isClosed }

    /// Whether a tool call went to the agent and the stream is kept open (`WAITING_FOR_TOOL_RESULT`):
    /// the end of the body then completes nothing.
    public var awaitsToolResult: Bool { handler.state == .waitingForToolResult }

    /// A decoder at the start of a response body, as `profile`'s release decodes it.
    public init(profile: VersionProfile = VersionProfile()) {
        handler = BedrockConverseEventHandler(
            streamsToolInput: profile.bedrockToolInputStreamedAsContent, capturesUsage: profile.tokenUsage)
    }

    /// Consumes body bytes and returns the events they complete, in order.
    ///
    /// Throws the ml-commons error for an `exception`/`error` frame or a corrupt frame. When events precede
    /// the failure in the same bytes, they are returned and the failure is thrown by the next call
    /// (`feed` or ``finish()``), so the client sees them first, as with ml-commons.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(InferenceError) -> [ProviderEvent] {
        try throwPendingFailure()
        guard !isCompleted else { return [] }
        let (messages, framingError) = frames.feed(bytes)
        var events: [ProviderEvent] = []
        for message in messages where failure == nil {
            // A failing message records itself in `failure`, which stops the loop.
            events += (try? self.events(for: message)) ?? []
        }
        if failure == nil, let framingError { failure = .bedrockFraming(framingError) }
        if events.isEmpty { try throwPendingFailure() }
        return events
    }

    /// Ends the body (the SDK's `onComplete`): `.completed` unless the stream already completed or waits
    /// for a tool result. A trailing partial frame is ignored, as the SDK does not check for one.
    public mutating func finish() throws(InferenceError) -> [ProviderEvent] {
        try throwPendingFailure()
        return handler.end()
    }

    /// The events for one decoded frame, for callers that split the event stream themselves.
    /// After a failure, later messages yield nothing, as the SDK delivers nothing after its error.
    public mutating func events(for message: EventStreamMessage) throws(InferenceError) -> [ProviderEvent] {
        guard !isCompleted, failure == nil else { return [] }
        do {
            return try handle(message)
        } catch {
            failure = error
            throw error
        }
    }

    private mutating func handle(_ message: EventStreamMessage) throws(InferenceError) -> [ProviderEvent] {
        switch message.messageType {
        case "event":
            guard let eventType = message.eventType else { return [] }
            return handler.handle(eventType: eventType, payload: try Self.payloadObject(message))
        case "exception", "error":
            let payload = (try? Self.payloadObject(message)) ?? JSONObject()
            // Java prints a missing message as "null".
            let text = payload["message"]?.stringValue ?? payload["Message"]?.stringValue
                ?? Self.stringHeader(":error-message", of: message) ?? "null"
            let type = message.exceptionType ?? Self.stringHeader(":error-code", of: message)
            throw InferenceError.bedrockStreamFailure(exceptionType: type, message: text)
        default:
            // The SDK ignores other message types.
            return []
        }
    }

    /// The JSON payload; an empty one is `{}` and a non-object one carries no members.
    private static func payloadObject(_ message: EventStreamMessage) throws(InferenceError) -> JSONObject {
        guard !message.payload.isEmpty else { return JSONObject() }
        do {
            return try JSONParser.parse(message.payload).objectValue ?? JSONObject()
        } catch {
            // The SDK fails to unmarshal the event and reports the parser's message.
            throw InferenceError(message: InferenceError.remoteServicePrefix + error.message, javaClass: "MLException")
        }
    }

    private static func stringHeader(_ name: String, of message: EventStreamMessage) -> String? {
        guard case .string(let value) = message.headerValue(named: name) else { return nil }
        return value
    }

    private mutating func throwPendingFailure() throws(InferenceError) {
        guard !isCompleted, let failure else { return }
        throw failure
    }
}
