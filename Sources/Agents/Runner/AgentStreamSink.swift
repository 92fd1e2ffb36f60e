import RemoteInference

/// Where a streaming agent run writes its chunks (already carrying memory and interaction ids).
public protocol AgentStreamSink: Sendable {
    /// One LLM call's event (text, tool-call deltas, the tool call, completion).
    func send(_ event: ProviderEvent) async throws
    /// A tool's output, as one content chunk (`StreamingWrapper.sendToolResponse`).
    func sendToolOutput(_ output: String) async throws
    /// The final empty chunk (`sendCompletionChunk`), e.g. when max iterations end the run.
    func sendCompletion() async throws
}
