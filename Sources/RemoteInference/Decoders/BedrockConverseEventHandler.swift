import MLCommonsCore

/// `BedrockStreamingHandler`'s state machine over ConverseStream events (`handleStreamEvent`,
/// `BedrockStreamingHandler.java:178-226`, and `onComplete`, lines 124-130).
struct BedrockConverseEventHandler: Sendable {
    private(set) var state = BedrockStreamState.streamingContent
    /// ml-commons' `isStreamClosed`: the completion chunk was sent.
    private(set) var isClosed = false
    private var toolName: String?
    private var toolUseID: String?
    private var toolInput = BedrockToolInputAccumulator()
    /// 3.5+: each `toolUse.input` fragment also reaches the client as content (#4549).
    let streamsToolInput: Bool
    /// 3.6+: the `metadata` event's usage is captured and completion waits for the end of the stream (#4683).
    let capturesUsage: Bool

    init(streamsToolInput: Bool, capturesUsage: Bool) {
        self.streamsToolInput = streamsToolInput
        self.capturesUsage = capturesUsage
    }

    /// The events for one modeled event (`:event-type`) with its JSON payload.
    mutating func handle(eventType: String, payload: JSONObject) -> [ProviderEvent] {
        if eventType == "metadata" {
            // Caught before the state machine; only the three counts are copied (`captureTokenUsage`).
            guard capturesUsage, let usage = payload["usage"]?.objectValue else { return [] }
            let counts = ["inputTokens", "outputTokens", "totalTokens"].compactMap { key in usage[key].map { (key, $0) } }
            return [.usage(.object(JSONObject(counts)))]
        }
        let delta = payload["delta"]?.objectValue
        switch (state, eventType) {
        case (.streamingContent, "contentBlockStart"):
            // Any block start counts as a tool call, even one without `toolUse`.
            state = .toolCallDetected
            if let toolUse = payload["start"]?["toolUse"]?.objectValue {
                toolName = toolUse["name"]?.stringValue
                toolUseID = toolUse["toolUseId"]?.stringValue
            }
            guard streamsToolInput, let toolName, let toolUseID else { return [] }
            return [.toolCallStarted(id: toolUseID, name: toolName)]
        case (.streamingContent, "contentBlockDelta"):
            guard let text = delta?["text"]?.stringValue else { return [] }
            return [.text(text)]
        case (.streamingContent, "messageStop") where !Self.stopsForToolUse(payload):
            state = .completed
            return capturesUsage ? [] : close()
        case (.toolCallDetected, "contentBlockDelta"), (.accumulatingToolInput, "contentBlockDelta"):
            guard let toolUse = delta?["toolUse"]?.objectValue else { return [] }
            state = .accumulatingToolInput
            let fragment = toolUse["input"]?.stringValue
            toolInput.append(fragment)
            guard streamsToolInput, let fragment else { return [] }
            return [.toolCallDelta(fragment)]
        case (.accumulatingToolInput, "messageStop") where Self.stopsForToolUse(payload):
            state = .waitingForToolResult
            // `Map.of` throws on a missing name, input or id; the SDK then drops the call and nothing is sent.
            guard let toolName, let toolUseID, let input = toolInput.input else { return [] }
            return [.toolCall(Self.toolCall(name: toolName, id: toolUseID, input: input, arguments: toolInput.text))]
        default:
            return []
        }
    }

    /// The SDK's `onComplete`: completes unless a tool result is awaited.
    mutating func end() -> [ProviderEvent] {
        state == .waitingForToolResult ? [] : close()
    }

    /// `sendCompletionResponse`, guarded so it happens at most once.
    private mutating func close() -> [ProviderEvent] {
        guard !isClosed else { return [] }
        isClosed = true
        return [.completed]
    }

    /// The handler's `event.toString().contains("StopReason=tool_use")`: the SDK prints the stop reason
    /// as `StopReason=<value>`, so any reason starting with `tool_use` matches.
    private static func stopsForToolUse(_ payload: JSONObject) -> Bool {
        payload["stopReason"]?.stringValue?.hasPrefix("tool_use") ?? false
    }

    /// `createToolUseResponse`; `Map.of` order differs per JVM, the order used is the documented one.
    private static func toolCall(name: String, id: String, input: JSONValue, arguments: String) -> ProviderToolCall {
        let toolUse: JSONValue = ["name": .string(name), "input": input, "toolUseId": .string(id)]
        let dataAsMap: JSONValue = [
            "output": ["message": ["content": [["toolUse": toolUse]]]],
            "stopReason": "tool_use",
        ]
        return ProviderToolCall(id: id, name: name, arguments: arguments, dataAsMap: dataAsMap, announcement: nil)
    }
}
