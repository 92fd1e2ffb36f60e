import MLCommonsCore
import RemoteInference

/// Turns an agent run's events into the `_execute/stream` chunks ml-commons sends, each carrying the run's
/// memory and interaction ids, and holds the one rule for the error chunk that ends a failed stream.
public struct ExecuteStreamMapper: Sendable {
    public var memoryID = ""
    public var parentInteractionID = ""
    // One predict mapper per LLM call: a tool call ends that call's stream, the next call starts afresh.
    private var call = PredictStreamMapper()
    /// Whether the final or an error chunk was produced.
    public private(set) var isFinished = false

    public init() {}

    /// The chunks for one event.
    public mutating func chunks(for event: AgentStreamEvent) -> [ExecuteStreamChunk] {
        guard !isFinished else { return [] }
        let pieces: [PredictStreamChunk]
        switch event {
        case .llmText(let text):
            pieces = call.chunks(for: .text(text))
        case .llmToolCallDelta(let json):
            pieces = call.chunks(for: .toolCallDelta(json))
        case .toolCall(let toolCall):
            pieces = call.chunks(for: .toolCall(toolCall))
            call = PredictStreamMapper()
        case .toolOutput(let output):
            pieces = [PredictStreamChunk(content: output)]
        case .done:
            pieces = [.final]
            isFinished = true
        }
        return pieces.map { ExecuteStreamChunk(memoryID: memoryID, parentInteractionID: parentInteractionID, response: $0) }
    }

    /// The chunk that ends a failed stream, or nil after the last chunk or for a cancelled run: a failure inside
    /// the agent's stream is a stream failure (`onFailure`), any other is a failed request (`onErrorResume`).
    public mutating func errorChunk(for error: any Error) -> StreamErrorChunk? {
        guard !isFinished, !(error is CancellationError) else { return nil }
        isFinished = true
        switch error {
        case let failure as InferenceError: return .streamFailure(failure.message)
        case let failure as any OpenSearchErrorConvertible: return .executeRequestFailure(failure.openSearchError.reason)
        default: return .executeRequestFailure(String(describing: error))
        }
    }
}
