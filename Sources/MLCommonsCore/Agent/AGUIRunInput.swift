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

    /// The question (`extractTextFromMessages`): the text of every message after the last assistant message (whatever
    /// its role, so a trailing tool result too), each text part trimmed and ended by a line feed, messages joined by
    /// one more.
    public var question: String {
        let lastAssistant = messages.lastIndex { $0["role"]?.stringValue == "assistant" }
        let pending = messages[(lastAssistant.map { $0 + 1 } ?? 0)...]
        return pending.map(Self.text(of:)).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// A message's text: its `content` string, or its `text` parts; each non-blank part trimmed, then a line feed.
    static func text(of message: JSONObject) -> String {
        let parts: [String]
        switch message["content"] {
        case .string(let text)?:
            parts = [text]
        case .array(let blocks)?:
            parts = blocks.compactMap { $0["type"]?.stringValue == "text" ? $0["text"]?.stringValue : nil }
        default:
            parts = []
        }
        return parts.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.map { $0 + "\n" }.joined()
    }

    /// The agent's input parameters for an agent registered with `llm` and `_llm_interface`: the question with the
    /// release's context. 3.6+ prefixes `Context: <context>\nQuestion: ` (an empty array included); 3.5 puts
    /// `Context:\n- description: value` lines before the question (ml-commons puts them into the latest user message,
    /// which is the question's text whenever that message is the last), and nothing for no context.
    public func parameters(profile: VersionProfile) -> [String: String] {
        let question: String
        if profile.agUIThreadIsMemory {
            question = "Context: " + context.gsonText + "\nQuestion: " + self.question
        } else {
            let items = (context.arrayValue ?? []).map { item in
                "- \(item["description"]?.stringValue ?? "null"): \(item["value"]?.stringValue ?? item["value"]?.gsonText ?? "null")\n"
            }
            question = (items.isEmpty ? "" : "Context:\n" + items.joined() + "\n") + self.question
        }
        var parameters = ["agui_tools": JSONValue.array(tools).gsonText, "agui_context": context.gsonText, "question": question]
        parameters["agui_thread_id"] = threadID
        parameters["agui_run_id"] = runID
        // 3.6+: the thread is the run's memory.
        if profile.agUIThreadIsMemory { parameters["memory_id"] = threadID }
        return parameters
    }
}
