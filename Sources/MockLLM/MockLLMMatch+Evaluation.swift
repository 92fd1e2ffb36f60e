import MLCommonsCore

extension MockLLMMatch {
    /// Whether every set condition holds for `conversation`.
    func isSatisfied(by conversation: MockLLMConversation) -> Bool {
        if let model, !Glob.matches(model, conversation.model) { return false }
        if let lastUserMessage, !lastUserMessage.isFound(in: conversation.lastUserMessage) { return false }
        if let toolsOffered, !toolsOffered.allSatisfy(conversation.offeredTools.contains) { return false }
        if let toolResultPresent, toolResultPresent == conversation.toolResults.isEmpty { return false }
        return true
    }
}
