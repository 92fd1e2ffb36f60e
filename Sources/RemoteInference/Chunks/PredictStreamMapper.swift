import MLCommonsCore

/// Turns provider events into the `_predict/stream` chunks ml-commons sends for them, in order, and
/// stops after the last one (ml-commons completes the channel; later sends reach no client).
public struct PredictStreamMapper: Sendable {
    /// Whether the final or an error chunk was produced.
    public private(set) var isFinished = false

    /// Whether a tool call is followed by an empty chunk (the response echoed to the client as well as to the
    /// agent; 3.8 stopped echoing it, #4790).
    public let echoesToolCalls: Bool

    /// A mapper at the start of a stream.
    public init(echoesToolCalls: Bool = true) { self.echoesToolCalls = echoesToolCalls }

    /// The chunks for one event (`BaseStreamingHandler.sendContentResponse` / `sendCompletionResponse`,
    /// `StreamPredictActionListener.onResponse`).
    public mutating func chunks(for event: ProviderEvent) -> [PredictStreamChunk] {
        guard !isFinished else { return [] }
        switch event {
        case .text(let text):
            return [PredictStreamChunk(content: text)]
        case .toolCallDelta(let json):
            return [PredictStreamChunk(content: json)]
        case .toolCall(let call):
            // The announcement is a content chunk; the tool-call map itself has no `content`, so it shows as "".
            let echo = echoesToolCalls ? [PredictStreamChunk(content: "")] : []
            return call.announcement.map { [PredictStreamChunk(content: $0)] + echo } ?? echo
        case .completed:
            isFinished = true
            return [.final]
        case .usage, .toolCallStarted:
            return []
        }
    }

    /// The chunks for several events, in order.
    public mutating func chunks(for events: some Sequence<ProviderEvent>) -> [PredictStreamChunk] {
        events.flatMap { chunks(for: $0) }
    }

    /// The chunk that ends a failed stream (`StreamPredictActionListener.onFailure`), or nil after the last
    /// chunk or for a cancelled call.
    public mutating func errorChunk(for error: any Error) -> StreamErrorChunk? {
        guard !isFinished, !(error is CancellationError) else { return nil }
        isFinished = true
        switch error {
        case let failure as InferenceError: return .streamFailure(failure.message)
        default: return .streamFailure(OpenSearchError(reporting: error).reason)
        }
    }
}
