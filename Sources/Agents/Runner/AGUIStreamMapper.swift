import MLCommonsCore
import RemoteInference

/// Turns an agent run's events into AG-UI events (3.5+) as ml-commons' streaming handlers, `StreamingWrapper`
/// and the REST layer emit them for an `ag_ui` agent.
public struct AGUIStreamMapper: Sendable {
    public let threadID: String
    public let runID: String
    public let profile: VersionProfile
    /// OpenAI's `tool_calls` deltas carry the call's id, name and argument pieces; Bedrock's events are separate.
    private let isOpenAI: Bool
    /// OpenAI's handler sends its own `RUN_FINISHED` after a final answer; Bedrock's stopped doing so in 3.6.
    let handlerFinishesRuns: Bool
    let clock: @Sendable () -> InstantTime
    /// The text message being streamed, and the one this LLM call streamed before a tool call (its parent).
    private var messageID: String?
    private var textThisCall: String?
    private var toolCallID: String?
    private var toolCallStarted = false
    private var isFinished = false

    public init(input: AGUIRunInput, llmInterface: String?, profile: VersionProfile, clock: @escaping @Sendable () -> InstantTime = { .now() }) {
        let millis = clock().epochMillis
        threadID = input.threadID ?? "thread_\(millis)"
        runID = input.runID ?? "run_\(millis)"
        self.profile = profile
        self.clock = clock
        let isOpenAI = llmInterface?.trimmingWhitespace().lowercased() == "openai/v1/chat/completions"
        handlerFinishesRuns = isOpenAI || !profile.agUIRunFinishedAfterLastChunk
        self.isOpenAI = isOpenAI
    }


    private func event(_ type: String, _ fields: [(String, JSONValue)]) -> AGUIEvent {
        AGUIEvent(type, timestamp: clock().epochMillis, fields)
    }

    /// `"msg_" + System.nanoTime()`.
    private func newMessageID() -> String {
        let now = clock()
        return "msg_\(now.seconds &* 1_000_000_000 &+ Int64(now.nanoseconds))"
    }

    private var runFinished: AGUIEvent { event("RUN_FINISHED", [("threadId", .string(threadID)), ("runId", .string(runID))]) }

    private mutating func closeText() -> [AGUIEvent] {
        guard let messageID else { return [] }
        self.messageID = nil
        return [event("TEXT_MESSAGE_END", [("messageId", .string(messageID))])]
    }

    private mutating func startToolCall(id: String?, name: String) -> [AGUIEvent] {
        var out = closeText()
        toolCallID = id ?? toolCallID
        var fields: [(String, JSONValue)] = [("toolCallId", .string(toolCallID ?? "")), ("toolCallName", .string(name))]
        if let textThisCall { fields.append(("parentMessageId", .string(textThisCall))) }
        out.append(event("TOOL_CALL_START", fields))
        toolCallStarted = true
        return out
    }

    private func arguments(_ delta: String) -> AGUIEvent {
        event("TOOL_CALL_ARGS", [("toolCallId", .string(toolCallID ?? "")), ("delta", .string(delta))])
    }

    /// OpenAI's `tool_calls` delta: the first id seen names the call, the first name starts it, every `arguments`
    /// piece (the empty first one included) follows under that id.
    private mutating func openAIToolDelta(_ json: String) -> [AGUIEvent] {
        var out: [AGUIEvent] = []
        for element in (try? JSONParser.parse(json))?.arrayValue ?? [] {
            if toolCallID == nil, let id = element["id"]?.stringValue { toolCallID = id }
            if !toolCallStarted, let name = element["function"]?["name"]?.stringValue { out += startToolCall(id: nil, name: name) }
            if toolCallStarted, let delta = element["function"]?["arguments"]?.stringValue { out.append(arguments(delta)) }
        }
        return out
    }

    private mutating func finishRun(handler: Bool) -> [AGUIEvent] {
        isFinished = true
        var out = closeText()
        if handler { out.append(runFinished) }
        if profile.agUIRunFinishedAfterLastChunk { out.append(runFinished) }
        return out
    }
}

extension AGUIStreamMapper: AgentStreamEncoder {
    /// `RUN_STARTED`, sent as soon as the body is read.
    public func opening() -> [any ServerSentChunk] {
        [event("RUN_STARTED", [("threadId", .string(threadID)), ("runId", .string(runID))])]
    }

    /// AG-UI carries no memory or interaction ids.
    public mutating func identify(memoryID: String, parentInteractionID: String) {}

    public mutating func encode(_ event: AgentStreamEvent) -> [any ServerSentChunk] {
        guard !isFinished else { return [] }
        switch event {
        case .llmText(let text):
            guard !text.isEmpty else { return [] }
            var out: [AGUIEvent] = []
            if messageID == nil {
                let id = newMessageID()
                messageID = id
                textThisCall = id
                out.append(self.event("TEXT_MESSAGE_START", [("messageId", .string(id)), ("role", "assistant")]))
            }
            out.append(self.event("TEXT_MESSAGE_CONTENT", [("messageId", .string(messageID ?? "")), ("delta", .string(text))]))
            return out
        case .llmToolCallDelta(let delta):
            if isOpenAI { return openAIToolDelta(delta) }
            return toolCallStarted ? [arguments(delta)] : []
        case .llmToolCallStarted(let id, let name):
            return startToolCall(id: id, name: name)
        case .toolCall(let call):
            let id = toolCallID ?? call.id
            toolCallID = nil
            toolCallStarted = false
            textThisCall = nil
            return closeText() + [self.event("TOOL_CALL_END", [("toolCallId", .string(id))])]
        case .toolOutput(let output, let callID):
            return [self.event("TOOL_CALL_RESULT", [
                ("messageId", .string(newMessageID())), ("toolCallId", .string(callID)), ("content", .string(output)),
                ("role", "tool"),
            ])]
        case .answerEcho:
            return []
        case .frontendToolCall:
            // `sendRunFinishedAndCloseStream`, then the REST layer's own after the last chunk.
            return finishRun(handler: true)
        case .tokenUsage(let usage):
            return closeText() + [self.event("Custom", [("name", "token_usage"), ("value", usage)])]
        case .done:
            return finishRun(handler: handlerFinishesRuns)
        case .messagesSnapshot(let messages):
            // `sendMessagesSnapshot`, then `sendRunFinishedAndCloseStream` and the REST layer's own `RUN_FINISHED`.
            return [self.event("MESSAGES_SNAPSHOT", [("messages", .array(messages))])] + finishRun(handler: true)
        }
    }

    /// 3.7+: a failed request is `RUN_ERROR` with the root cause; before, the plain `{"error": …}` chunk. A failed
    /// LLM call is `RUN_ERROR` "Unexpected chunk: …" (its text is not an AG-UI event), then the run's end.
    public mutating func encodeFailure(_ error: any Error) -> [any ServerSentChunk] {
        guard !isFinished, !(error is CancellationError) else { return [] }
        isFinished = true
        switch error {
        case let failure as InferenceError:
            var out = [event("RUN_ERROR", [("message", .string("Unexpected chunk: " + StreamErrorChunk.streamFailure(failure.message).message))])]
            if profile.agUIRunFinishedAfterLastChunk { out.append(runFinished) }
            return out
        default:
            let reason = OpenSearchError(reporting: error)
            guard profile.executeStreamErrorTextIsRootCause else { return [StreamErrorChunk.executeRequestFailure(reason.reason)] }
            return [event("RUN_ERROR", [("message", .string((reason.causes.first ?? reason).reason))])]
        }
    }
}
