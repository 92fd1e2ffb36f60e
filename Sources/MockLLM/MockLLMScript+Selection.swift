extension MockLLMScript {
    /// The first matching rule's behaviour, completed from the default; the default alone when none matches.
    func plan(for conversation: MockLLMConversation) -> MockLLMPlan {
        let rule = rules.first { $0.match.isSatisfied(by: conversation) }
        let behaviour = rule?.behaviour ?? fallback
        let reply = behaviour.reply ?? fallback.reply ?? Self.builtInReply(for: conversation)
        return MockLLMPlan(
            ruleName: rule.map { $0.name ?? "" } ?? "default",
            answer: reply.answer(for: conversation),
            pacing: behaviour.pacing ?? fallback.pacing ?? .immediate,
            fault: behaviour.fault
        )
    }
}
