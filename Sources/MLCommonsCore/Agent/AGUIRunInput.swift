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

    /// The messages as `AGUIInputConverter.convertAGUIMessages` reads them: string content as one text block, array
    /// content's `text` parts and `binary` images, an assistant's complete tool calls, a tool message's call id.
    public var unifiedMessages: [UnifiedMessage] {
        messages.compactMap { message -> UnifiedMessage? in
            guard let role = message["role"].flatMap(Self.string) else { return nil }
            var converted = UnifiedMessage(role: role, content: Self.blocks(of: message["content"]))
            if role.lowercased() == "assistant", let calls = message["toolCalls"]?.arrayValue {
                converted.toolCalls = calls.compactMap { call -> UnifiedMessage.ToolCall? in
                    guard let id = call["id"].flatMap(Self.string), let function = call["function"]?.objectValue,
                        let name = function["name"].flatMap(Self.string), let arguments = function["arguments"].flatMap(Self.string)
                    else { return nil }
                    return UnifiedMessage.ToolCall(id: id, type: call["type"].flatMap(Self.string) ?? "", name: name, arguments: arguments)
                }
            }
            if role.lowercased() == "tool" { converted.toolCallID = message["toolCallId"].flatMap(Self.string) }
            return converted
        }
    }

    /// gson's `getAsString` of a primitive; nil for null, absent or a structure.
    private static func string(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let number): number.text
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    private static func blocks(of content: JSONValue?) -> [ContentBlock] {
        switch content {
        case .array(let parts)?:
            return parts.compactMap { part -> ContentBlock? in
                switch part["type"].flatMap(Self.string) {
                case "text": return ContentBlock(kind: .text, text: part["text"].flatMap(Self.string))
                case "binary":
                    guard let mimeType = part["mimeType"].flatMap(Self.string), let data = part["data"].flatMap(Self.string),
                        mimeType.hasPrefix("image/")
                    else { return nil }
                    return ContentBlock(kind: .image, source: .init(type: "BASE64", format: String(mimeType.dropFirst(6)), data: data))
                default: return nil
                }
            }
        case .null?, nil, .object?: return []
        case let scalar?: return [ContentBlock(text: Self.string(scalar) ?? "")]
        }
    }

    /// The question (`extractQuestionText`): the messages checked, then the text of every message after the last
    /// assistant message; a failed check as `processAgentInput` reports it.
    public func question() throws(OpenSearchError) -> String {
        do throws(OpenSearchError) {
            return try AgentStandardInput.messages(unifiedMessages).questionText()
        } catch {
            throw .illegalArgument("Failed to process standardized agent input: \(error.reason)", cause: error)
        }
    }

    /// The agent's input parameters for an agent registered with `llm` and `_llm_interface`: the question with the
    /// release's context. 3.6+ prefixes `Context: <context>\nQuestion: ` (an empty array included); 3.5 puts
    /// `Context:\n- description: value` lines before the question (ml-commons puts them into the latest user message,
    /// which is the question's text whenever that message is the last), and nothing for no context.
    /// A unified agent (registered with a `model` block) gets the question alone: its context reaches the model inside
    /// the mapped messages.
    public func parameters(profile: VersionProfile, unified: Bool = false) throws(OpenSearchError) -> [String: String] {
        let question: String
        if unified {
            question = try self.question()
        } else if profile.agUIThreadIsMemory {
            question = "Context: " + context.gsonText + "\nQuestion: " + (try self.question())
        } else {
            let items = (context.arrayValue ?? []).map { item in
                "- \(item["description"]?.stringValue ?? "null"): \(item["value"]?.stringValue ?? item["value"]?.gsonText ?? "null")\n"
            }
            question = (items.isEmpty ? "" : "Context:\n" + items.joined() + "\n") + (try self.question())
        }
        var parameters = ["agui_tools": JSONValue.array(tools).gsonText, "agui_context": context.gsonText, "question": question]
        parameters["agui_thread_id"] = threadID
        parameters["agui_run_id"] = runID
        // 3.6+: the thread is the run's memory.
        if profile.agUIThreadIsMemory { parameters["memory_id"] = threadID }
        return parameters
    }
}
