import MLCommonsCore
import RemoteInference

/// Turns an agent run's events into the `_execute/stream` chunks ml-commons sends, each carrying the run's
/// memory and interaction ids, and holds the one rule for the error chunk that ends a failed stream.
public struct ExecuteStreamMapper: Sendable {
    public var memoryID = ""
    public var parentInteractionID = ""
    /// The release whose chunks are written.
    public let profile: VersionProfile
    // One predict mapper per LLM call: a tool call ends that call's stream, the next call starts afresh.
    private var call: PredictStreamMapper
    /// Whether the final or an error chunk was produced.
    public private(set) var isFinished = false

    public init(profile: VersionProfile = VersionProfile()) {
        self.profile = profile
        call = PredictStreamMapper(echoesToolCalls: profile.emptyChunkAfterToolCall)
    }

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
            call = PredictStreamMapper(echoesToolCalls: profile.emptyChunkAfterToolCall)
        case .toolOutput(let output, _):
            pieces = [PredictStreamChunk(content: output)]
        case .llmToolCallStarted, .frontendToolCall, .messagesSnapshot:
            pieces = []
        case .answerEcho:
            pieces = [PredictStreamChunk(content: "")]
        case .tokenUsage(let usage):
            // `sendTokenUsageBatch`: the REST layer adds an empty, not-last response to it.
            return [ExecuteStreamChunk(
                memoryID: memoryID, parentInteractionID: parentInteractionID, content: "", tokenUsage: usage)]
        case .done:
            pieces = [.final]
            isFinished = true
        }
        return pieces.map { ExecuteStreamChunk(memoryID: memoryID, parentInteractionID: parentInteractionID, response: $0) }
    }

    /// The chunk that ends a failed stream, or nil after the last chunk or for a cancelled run: a failure inside
    /// the agent's stream is a stream failure (`onFailure`), any other is a failed request (`onErrorResume`).
    public mutating func errorChunk(for error: any Error) -> (any ServerSentChunk)? {
        guard !isFinished, !(error is CancellationError) else { return nil }
        isFinished = true
        switch error {
        case let failure as InferenceError: return streamFailure(failure.message)
        default: return requestFailure(OpenSearchError(reporting: error))
        }
    }

    /// 3.5+ renders an in-band failure as the stream's last ordinary chunk, without ids (#4549).
    private func streamFailure(_ message: String) -> any ServerSentChunk {
        let chunk = StreamErrorChunk.streamFailure(message)
        guard profile.executeStreamErrorsAsInferenceResults else { return chunk }
        return ExecuteStreamChunk(memoryID: "", parentInteractionID: "", content: chunk.message, isLast: true)
    }

    /// 3.7+ reports the root cause's own message, without `Error processing request: ` (#4792).
    private func requestFailure(_ error: OpenSearchError) -> any ServerSentChunk {
        guard profile.executeStreamErrorTextIsRootCause else { return StreamErrorChunk.executeRequestFailure(error.reason) }
        return StreamErrorChunk(message: (error.causes.first ?? error).reason, escaping: .quotesOnly)
    }
}
