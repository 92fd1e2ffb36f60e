import MLCommonsCore

/// What the model says: text, or one tool call.
public enum MockLLMReply: Sendable, Hashable {
    /// An assistant text answer; placeholders are filled from the request.
    case text(MockLLMTemplate)
    /// A call of tool `name`; string values inside `arguments` may hold placeholders too.
    case toolCall(name: String, arguments: JSONValue)
}
