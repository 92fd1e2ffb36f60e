/// The outcome of running a script against one request.
struct MockLLMPlan: Sendable, Hashable {
    /// The matched rule's name (`default` when no rule matched, empty for an unnamed rule).
    var ruleName: String
    var answer: MockLLMAnswer
    var pacing: MockLLMPacing
    var fault: MockLLMFault?
}
