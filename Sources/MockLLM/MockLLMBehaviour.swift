/// How to answer: what to say, how fast, and what to break. Every part is optional.
public struct MockLLMBehaviour: Sendable, Hashable {
    /// The reply; a rule without one uses the script default's, then ``MockLLMScript/builtInReply``.
    public var reply: MockLLMReply?
    /// The pacing; a rule without one uses the script default's, then ``MockLLMPacing/immediate``.
    public var pacing: MockLLMPacing?
    /// A failure to inject instead of (or in the middle of) the reply; never inherited from the default.
    public var fault: MockLLMFault?

    /// Creates a behaviour.
    public init(reply: MockLLMReply? = nil, pacing: MockLLMPacing? = nil, fault: MockLLMFault? = nil) {
        self.reply = reply
        self.pacing = pacing
        self.fault = fault
    }
}
