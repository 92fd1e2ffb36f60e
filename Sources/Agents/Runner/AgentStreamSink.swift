/// Where a streaming agent run reports its events.
public protocol AgentStreamSink: Sendable {
    func emit(_ event: AgentStreamEvent) async throws
}
