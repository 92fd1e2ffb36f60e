/// The conditions of a rule; unset conditions always hold.
public struct MockLLMMatch: Sendable, Hashable {
    /// Glob (`*` matches any run of characters) against the body's `model` (OpenAI) or the path's model id (Bedrock).
    public var model: String?
    /// Regular expression searched in the text of the last user message.
    public var lastUserMessage: MockLLMTextPattern?
    /// Tool names that must all be among the offered tools.
    public var toolsOffered: [String]?
    /// Whether the conversation must (or must not) already contain a tool result.
    public var toolResultPresent: Bool?

    /// Creates a match.
    public init(
        model: String? = nil,
        lastUserMessage: MockLLMTextPattern? = nil,
        toolsOffered: [String]? = nil,
        toolResultPresent: Bool? = nil
    ) {
        self.model = model
        self.lastUserMessage = lastUserMessage
        self.toolsOffered = toolsOffered
        self.toolResultPresent = toolResultPresent
    }
}
