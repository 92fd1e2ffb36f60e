/// One scripted case: when ``match`` holds, ``behaviour`` decides the answer.
public struct MockLLMRule: Sendable, Hashable {
    /// A label for logs and the `x-mock-llm-rule` response header.
    public var name: String?
    /// The conditions; all must hold.
    public var match: MockLLMMatch
    /// The reply, pacing and fault of this rule.
    public var behaviour: MockLLMBehaviour

    /// Creates a rule.
    public init(name: String? = nil, match: MockLLMMatch = MockLLMMatch(), behaviour: MockLLMBehaviour) {
        self.name = name
        self.match = match
        self.behaviour = behaviour
    }
}
