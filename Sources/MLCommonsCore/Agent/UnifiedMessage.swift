/// One message of a unified agent conversation (`Message`, 3.6+): what `conversational_v2` agents read from
/// their input, keep in agentic memory and map to each provider's wire format.
public struct UnifiedMessage: Sendable, Hashable {
    /// A call the assistant asked for (`ToolCall` with its `ToolFunction`).
    public struct ToolCall: Sendable, Hashable {
        public var id: String
        public var type: String
        public var name: String
        /// The arguments as JSON text.
        public var arguments: String

        public init(id: String, type: String = "function", name: String, arguments: String) {
            self.id = id
            self.type = type
            self.name = name
            self.arguments = arguments
        }
    }

    /// Free-form, as ml-commons keeps it (`user`, `assistant`, `tool`, …).
    public var role: String?
    public var content: [ContentBlock]?
    public var toolCalls: [ToolCall]?
    public var toolCallID: String?

    public init(role: String?, content: [ContentBlock]?, toolCalls: [ToolCall]? = nil, toolCallID: String? = nil) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
    }

    /// The texts of its text blocks.
    public var texts: [String] { (content ?? []).filter { $0.kind == .text }.compactMap(\.text) }
}
