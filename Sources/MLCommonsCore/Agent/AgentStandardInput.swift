/// The unified API's top-level `input` of `_execute` (`AgentInput`, 3.5+): text, content blocks or messages.
public enum AgentStandardInput: Sendable, Hashable {
    case text(String)
    case contentBlocks([ContentBlock])
    case messages([UnifiedMessage])

    /// Reads `input` as `AgentInput(XContentParser)` does: every item is read and checked, then the first item
    /// decides whether the array holds messages (`role`) or blocks (`type`).
    public init(parsing value: JSONValue, profile: VersionProfile) throws(OpenSearchError) {
        switch value {
        case .string(let text):
            self = .text(text)
        case .array(let values):
            var items: [UnifiedMessage.InputItem] = []
            for value in values { items.append(try UnifiedMessage.inputItem(value, profile: profile)) }
            var messages: [UnifiedMessage] = []
            var blocks: [ContentBlock] = []
            for (index, item) in items.enumerated() {
                switch (items[0], item) {
                case (.message, .message(let message)): messages.append(message)
                case (.block, .block(let block)): blocks.append(block)
                default:
                    let want = if case .message = items[0] { "Messages" } else { "ContentBlocks" }
                    throw .illegalArgument(
                        "Mixed array types detected. Expected all items to be \(want), but item at index \(index) is of type \(item.javaClass)")
                }
            }
            if case .block? = items.first { self = .contentBlocks(blocks) } else { self = .messages(messages) }
        default:
            throw .illegalArgument("Invalid input format. Expected string or array.")
        }
    }

    /// The `InputType` name ml-commons reports.
    public var typeName: String {
        switch self {
        case .text: "TEXT"
        case .contentBlocks: "CONTENT_BLOCKS"
        case .messages: "MESSAGES"
        }
    }

    /// The conversation turn it makes (`saveRootInteractionAndExecute`): text and blocks as one user message.
    public func unifiedMessages() throws(OpenSearchError) -> [UnifiedMessage] {
        switch self {
        case .text(let text): return [UnifiedMessage(role: "user", content: [ContentBlock(text: text)])]
        case .contentBlocks(let blocks) where !blocks.isEmpty: return [UnifiedMessage(role: "user", content: blocks)]
        case .messages(let messages) where !messages.isEmpty: return messages
        default: throw .illegalArgument("Input type not supported. Expected String, List<ContentBlock>, or List<Message>")
        }
    }
}
