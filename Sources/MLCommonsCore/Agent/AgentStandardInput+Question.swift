/// `AgentInputProcessor` (3.5+): the checks a V1 or AG-UI agent's input must pass, and the question text it gives.
extension AgentStandardInput {
    /// `extractQuestionText`: the input checked, then the text itself, the blocks' trimmed texts each ended by a line
    /// feed, or those of every message after the last assistant message, joined by one more line feed.
    public func questionText() throws(OpenSearchError) -> String {
        try validate()
        switch self {
        case .text(let text): return text
        case .contentBlocks(let blocks): return Self.text(of: blocks)
        case .messages(let messages):
            let lastAssistant = messages.lastIndex { $0.role?.lowercased() == "assistant" }
            let pending = messages[(lastAssistant.map { $0 + 1 } ?? 0)...]
            return pending.map { Self.text(of: $0.content ?? []) }.filter { !$0.isEmpty }.joined(separator: "\n")
        }
    }

    private static func text(of blocks: [ContentBlock]) -> String {
        blocks.filter { $0.kind == .text }.compactMap(\.text).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            .map { $0 + "\n" }.joined()
    }

    /// `validateInput`.
    public func validate() throws(OpenSearchError) {
        switch self {
        case .text(let text):
            if text.isJavaBlank { throw .illegalArgument("Text input cannot be null or empty") }
        case .contentBlocks(let blocks):
            try Self.validate(blocks)
        case .messages(let messages):
            guard let last = messages.last else { throw .illegalArgument("Messages cannot be null or empty") }
            for message in messages { try Self.validate(message) }
            guard ["user", "tool"].contains(last.role?.lowercased()) else {
                throw .illegalArgument("Last message must be from role 'user' or 'tool'")
            }
        }
    }

    private static func validate(_ blocks: [ContentBlock]) throws(OpenSearchError) {
        if blocks.isEmpty { throw .illegalArgument("Content blocks cannot be null or empty") }
        for block in blocks {
            if block.kind == .text, block.text?.isJavaBlank ?? true {
                throw .illegalArgument("Text content block cannot have null or empty text")
            }
            if block.kind != .text, block.source == nil {
                throw .illegalArgument("\(block.kind.label) content block must have \(block.kind.field) data")
            }
        }
    }

    private static func validate(_ message: UnifiedMessage) throws(OpenSearchError) {
        guard let role = message.role?.lowercased(), !role.isJavaBlank else {
            throw .illegalArgument("Message role cannot be null or empty")
        }
        let content = message.content ?? []
        switch role {
        case "assistant":
            let calls = message.toolCalls ?? []
            if content.isEmpty, calls.isEmpty { throw .illegalArgument("Assistant message must have either content or tool calls") }
            if !content.isEmpty { try validate(content) }
            for call in calls {
                if call.id.isJavaBlank { throw .illegalArgument("Tool call must have an id") }
                if call.type.isJavaBlank { throw .illegalArgument("Tool call must have a type") }
                if call.name.isJavaBlank { throw .illegalArgument("Tool call function must have a name") }
            }
        case "tool":
            if message.toolCallID?.isJavaBlank ?? true { throw .illegalArgument("Tool message must have toolCallId") }
            if content.isEmpty { throw .illegalArgument("Tool message must have content") }
            try validate(content)
        case "user", "system":
            if content.isEmpty { throw .illegalArgument("\(role) message must have content") }
            try validate(content)
        default:
            if content.isEmpty { throw .illegalArgument("Message with role '\(role)' must have content") }
            try validate(content)
        }
    }
}
