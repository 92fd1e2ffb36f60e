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
        case .memoryFacts:
            return MockLLMMemoryAnswers.facts(for: conversation.lastUserMessage)
        case .memoryDecisions:
            return MockLLMMemoryAnswers.decisions(for: conversation.lastUserMessage)
        case .memorySummary:
            return MockLLMMemoryAnswers.summary(for: conversation.lastUserMessage)
        case .plan:
            return MockLLMPlanAnswers.plan(for: conversation.lastUserMessage)
        case .queryDSL:
            return MockLLMQueryPlans.query(for: conversation.lastUserMessage)
        case .searchTemplateID:
            return MockLLMQueryPlans.templateID(for: conversation.lastUserMessage)
        }
    }
}
