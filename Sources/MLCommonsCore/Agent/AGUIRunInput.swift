/// An AG-UI `RunAgentInput` body (3.5+, `AGUIInputConverter`): the thread and run, the conversation so far, the
/// tools the frontend runs itself and the context it shares.
public struct AGUIRunInput: Sendable, Hashable {
    public var threadID: String?
    public var runID: String?
    public var messages: [JSONObject]
    public var tools: [JSONValue]
    public var context: JSONValue

    /// The body as AG-UI input, when it has all seven fields with `messages`, `tools` and `context` arrays
    /// (`isAGUIInput`); any other body is an ordinary execute request.
    public init?(body: JSONValue) {
        guard let object = body.objectValue,
            ["threadId", "runId", "state", "messages", "tools", "context", "forwardedProps"].allSatisfy({ object[$0] != nil }),
            let messages = object["messages"]?.arrayValue, let tools = object["tools"]?.arrayValue,
            object["context"]?.arrayValue != nil
        else { return nil }
        threadID = object["threadId"]?.stringValue
        runID = object["runId"]?.stringValue
        // Elements that are not objects or have no role are skipped.
        self.messages = messages.compactMap { $0.objectValue }.filter { $0["role"]?.stringValue != nil }
        self.tools = tools
        context = object["context"] ?? .array([])
    }

    /// The question: the text of every message after the last assistant message (whatever its role, so a trailing
    /// tool result too), each message's text parts trimmed, messages joined by line feeds.
    public var question: String {
        let lastAssistant = messages.lastIndex { $0["role"]?.stringValue == "assistant" }
        let pending = messages[(lastAssistant.map { $0 + 1 } ?? 0)...]
        return pending.map(Self.text(of:)).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// A message's text: its `content` string, or its `text` parts.
    static func text(of message: JSONObject) -> String {
        switch message["content"] {
        case .string(let text)?:
            return text.trimmingWhitespace()
        case .array(let parts)?:
            return parts.compactMap { part -> String? in
                guard part["type"]?.stringValue == "text", let text = part["text"]?.stringValue else { return nil }
                let trimmed = text.trimmingWhitespace()
                return trimmed.isEmpty ? nil : trimmed
            }.joined(separator: "\n")
        default:
            return ""
        }
    }

    /// The agent's input parameters for an agent registered with `llm` and `_llm_interface`: only the question,
    /// which the context always prefixes (an empty context array included).
    public var parameters: [String: String] {
        var parameters = [
            "agui_tools": JSONValue.array(tools).gsonText, "agui_context": context.gsonText,
            "question": "Context: " + context.gsonText + "\nQuestion: " + question,
        ]
        parameters["agui_thread_id"] = threadID
        parameters["agui_run_id"] = runID
        return parameters
    }
}
