import MLCommonsCore

/// Turns an OpenAI chat-completions SSE body into provider events exactly as ml-commons'
/// `HttpStreamingHandler.HTTPEventSourceListener` reacts to it, in the profile's release.
///
/// Feed the body in chunks of any size; the events do not depend on where it is split. One decoder
/// serves one upstream response, as ml-commons creates one listener per LLM call.
public struct OpenAIChatStreamDecoder: Sendable {
    private var reader = OkHttpEventSourceReader()
    private var toolCall: OpenAIToolCallAccumulator

    /// Whether `.completed` was emitted (ml-commons' `isStreamClosed`); nothing is emitted afterwards,
    /// because ml-commons has completed the channel and later sends reach no client.
    public private(set) var isCompleted = false

    /// Whether a complete tool call was emitted and the stream is kept open for the agent
    /// (`agentExecutionInProgress`): `[DONE]` then completes nothing.
    public private(set) var awaitsToolResult = false

    /// A decoder at the start of a response body, as `profile`'s release decodes it.
    public init(profile: VersionProfile = VersionProfile()) {
        toolCall = OpenAIToolCallAccumulator(completesAsFreshCalls: profile.openAIToolArgumentsDefaultToEmptyObject)
    }

    /// Consumes body bytes and returns the events they complete, in order.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [ProviderEvent] {
        reader.feed(bytes).flatMap { events(forData: $0) }
    }

    /// Ends the body. Always returns no events: OkHttp drops an event lacking its blank line and
    /// ml-commons' `onClosed` only logs, so a body without `[DONE]`/`stop` leaves ``isCompleted`` false.
    ///
    /// Throws ``InferenceError/sseNetworkFailure`` when the body stops inside a `data:` (or `id:`, `event:`,
    /// `retry:`) line, which OkHttp reports as a read failure.
    public mutating func finish() throws(InferenceError) -> [ProviderEvent] {
        // After completion ml-commons' channel is closed, so a late read failure reaches no client.
        guard !isCompleted else { return [] }
        try reader.finish()
        return []
    }

    /// The events for one SSE event's `data` (`onOpenAIEvent`), for callers that split SSE themselves.
    public mutating func events(forData data: String) -> [ProviderEvent] {
        guard !isCompleted else { return [] }
        if data == "[DONE]" {
            guard !awaitsToolResult else { return [] }
            isCompleted = true
            return [.completed]
        }
        // Only `tool_calls` carries numbers on (gson's doubles), and it is normalized where it is read.
        guard let chunk = GsonMapReader.objectKeepingNumbers(from: data) else { return [] }
        var events: [ProviderEvent] = []
        do {
            try process(chunk, into: &events)
        } catch {
            // ml-commons logs "Skipping malformed chunk"; what was sent before the fault stays sent.
        }
        return events
    }

    /// `processStreamChunk` (`HttpStreamingHandler.java:205-231`), step by step.
    private mutating func process(_ chunk: JSONObject, into events: inout [ProviderEvent]) throws(JavaRuntimeFault) {
        // JsonPath yields null for `$.choices[0]…` whenever a step is missing or of another kind.
        let choice = chunk["choices"]?.arrayValue?.first
        let finishReason = try JavaCast.string(choice?["finish_reason"])
        if finishReason == "stop" {
            awaitsToolResult = false
            isCompleted = true
            events.append(.completed)
            return
        }
        let delta = choice?["delta"]
        if let content = try JavaCast.string(delta?["content"]), !content.isEmpty {
            events.append(.text(content))
        }
        if let toolCalls = try JavaCast.list(delta?["tool_calls"])?.map(\.gsonNormalized) {
            try toolCall.accumulate(toolCalls)
            events.append(.toolCallDelta(try GsonMapReader.text(.array(toolCalls))))
        }
        if finishReason == "tool_calls", toolCall.isInProgress {
            // Set before the call is built, so a failed build still keeps `[DONE]` from completing.
            awaitsToolResult = true
            events.append(.toolCall(try toolCall.complete()))
        }
    }
}
