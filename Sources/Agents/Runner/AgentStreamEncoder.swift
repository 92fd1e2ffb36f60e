import RemoteInference

/// Turns an agent run's events into the Server-Sent Events a stream client reads: ml-commons' `inference_results`
/// chunks (``ExecuteStreamMapper``) or AG-UI events (``AGUIStreamMapper``).
public protocol AgentStreamEncoder: Sendable {
    /// The events written before the run starts.
    func opening() -> [any ServerSentChunk]
    /// The ids every later chunk carries, once the run's memory exists.
    mutating func identify(memoryID: String, parentInteractionID: String)
    mutating func encode(_ event: AgentStreamEvent) -> [any ServerSentChunk]
    /// What ends a failed stream; nothing after the last chunk or for a cancelled run.
    mutating func encodeFailure(_ error: any Error) -> [any ServerSentChunk]
}

extension ExecuteStreamMapper: AgentStreamEncoder {
    public func opening() -> [any ServerSentChunk] { [] }

    public mutating func identify(memoryID: String, parentInteractionID: String) {
        self.memoryID = memoryID
        self.parentInteractionID = parentInteractionID
    }

    public mutating func encode(_ event: AgentStreamEvent) -> [any ServerSentChunk] { chunks(for: event) }

    public mutating func encodeFailure(_ error: any Error) -> [any ServerSentChunk] {
        errorChunk(for: error).map { [$0] } ?? []
    }
}
