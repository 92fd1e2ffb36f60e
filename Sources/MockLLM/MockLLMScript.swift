import MLCommonsCore

/// What the offline LLM answers: ordered rules, the first matching one wins, else the default behaviour.
///
/// Scripts are JSON (see ``init(json:)`` for the format), so users can change the LLM without rebuilding.
public struct MockLLMScript: Sendable, Hashable {
    /// The rules, tried in order.
    public var rules: [MockLLMRule]
    /// What applies when no rule matches; its reply and pacing also fill in for rules that set none.
    public var fallback: MockLLMBehaviour

    /// Creates a script.
    public init(rules: [MockLLMRule] = [], fallback: MockLLMBehaviour = MockLLMBehaviour()) {
        self.rules = rules
        self.fallback = fallback
    }

    /// No rules: every request gets `Mock reply to: <last user message>` at once.
    public static let empty = MockLLMScript()

    /// The text reply used when neither the matched rule nor the default sets one.
    public static let builtInReply = MockLLMReply.text(MockLLMTemplate(literal: "Mock reply to: ", placeholder: .lastUserMessage))

    /// The built-in reply for a request: ml-commons' agentic memory, planner and query planning prompts get the
    /// answers their parsers read (facts, decisions, a summary, a plan, a query, a template id); everything else
    /// ``builtInReply``.
    static func builtInReply(for conversation: MockLLMConversation) -> MockLLMReply {
        let message = conversation.lastUserMessage
        if message.hasPrefix(AgenticMemoryPrompts.factExtractionIntroduction) {
            return .text(MockLLMTemplate(literal: "", placeholder: .memoryFacts))
        }
        if message.hasPrefix(AgenticMemoryPrompts.decisionIntroduction) {
            return .text(MockLLMTemplate(literal: "", placeholder: .memoryDecisions))
        }
        if message.hasPrefix("Summarize the following conversation in no more than ") {
            return .text(MockLLMTemplate(literal: "", placeholder: .memorySummary))
        }
        if MockLLMPlanAnswers.isPlannerPrompt(message) { return .text(MockLLMTemplate(literal: "", placeholder: .plan)) }
        if MockLLMQueryPlans.isPlanningPrompt(message) { return .text(MockLLMTemplate(literal: "", placeholder: .queryDSL)) }
        if MockLLMQueryPlans.isSelectionPrompt(message) {
            return .text(MockLLMTemplate(literal: "", placeholder: .searchTemplateID))
        }
        return builtInReply
    }
}

extension MockLLMScript {
    /// The script as it behaves: the built-in reply written into the default when no reply is set there,
    /// so what a `GET` shows is everything that answers.
    public var effective: MockLLMScript {
        var script = self
        if script.fallback.reply == nil { script.fallback.reply = Self.builtInReply }
        return script
    }

    /// The script with `pacing` as its default's when the default sets none (rules without pacing inherit it).
    public func paced(byDefault pacing: MockLLMPacing) -> MockLLMScript {
        var script = self
        if script.fallback.pacing == nil { script.fallback.pacing = pacing }
        return script
    }
}
