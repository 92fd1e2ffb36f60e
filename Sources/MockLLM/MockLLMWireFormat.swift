/// How one provider writes replies, errors and stream faults.
protocol MockLLMWireFormat: Sendable {
    /// Headers of a successful reply.
    func successHeaders(stream: Bool) -> [(name: String, value: String)]
    /// The complete non-stream body.
    func body(for answer: MockLLMAnswer, usage: MockLLMUsage, latency: Duration) -> [UInt8]
    /// Every stream event in order; `chunks` are the pieces of text or tool arguments.
    func streamEvents(for answer: MockLLMAnswer, chunks: [String], usage: MockLLMUsage, latency: Duration) -> [MockLLMStreamEvent]
    /// One event a client cannot parse.
    func malformedEvent() -> [UInt8]
    /// The in-stream form of throttling.
    func throttlingEvent() -> [UInt8]
    /// An error answer.
    func errorResponse(_ failure: MockLLMFailure) -> MockLLMResponse
}
