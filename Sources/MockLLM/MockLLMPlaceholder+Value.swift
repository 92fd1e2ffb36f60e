extension MockLLMPlaceholder {
    /// The text this placeholder stands for in `conversation`.
    func value(in conversation: MockLLMConversation) -> String {
        switch self {
        case .lastUserMessage:
            return conversation.lastUserMessage
        case .toolResult:
            return conversation.latestToolResult
        case .toolResultRowCount:
            let lines = conversation.latestToolResult.split(whereSeparator: \.isNewline)
                .filter { !$0.allSatisfy(\.isWhitespace) }
            return String(max(0, lines.count - 1))
        case .model:
            return conversation.model
        }
    }
}
