extension MockLLMTemplate {
    /// The text with every slot filled from `conversation`.
    func rendered(for conversation: MockLLMConversation) -> String {
        segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .placeholder(let placeholder): placeholder.value(in: conversation)
            }
        }.joined()
    }
}
