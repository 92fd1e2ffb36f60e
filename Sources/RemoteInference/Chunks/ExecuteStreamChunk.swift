import MLCommonsCore

/// One `_execute/stream` SSE event as `RestMLExecuteStreamAction.convertToHttpChunk` writes it: always the
/// three tensors `memory_id`, `parent_interaction_id` and `response`, in that order.
public struct ExecuteStreamChunk: ServerSentChunk, Hashable {
    /// The conversation memory (`""` when the agent has none).
    public var memoryID: String
    /// The root interaction of this turn (`""` when the agent has none).
    public var parentInteractionID: String
    /// The text of this piece (tool-call JSON, tool output or answer text; `""` for echo and final chunks).
    public var content: String
    /// Whether this is the last chunk of the stream.
    public var isLast: Bool

    /// The run's `token_usage` map, as a fourth tensor (3.6+).
    public var tokenUsage: JSONValue?

    /// A chunk with the given ids and content.
    public init(memoryID: String, parentInteractionID: String, content: String, isLast: Bool = false, tokenUsage: JSONValue? = nil) {
        self.memoryID = memoryID
        self.parentInteractionID = parentInteractionID
        self.content = content
        self.isLast = isLast
        self.tokenUsage = tokenUsage
    }

    /// The same piece as a predict-stream chunk carries, with the agent's ids added
    /// (`StreamPredictActionListener.addMetadataToResponse`).
    public init(memoryID: String, parentInteractionID: String, response: PredictStreamChunk) {
        self.init(
            memoryID: memoryID, parentInteractionID: parentInteractionID, content: response.content,
            isLast: response.isLast)
    }

    /// The exact SSE event text.
    public var text: String {
        InferenceResultsSSE.event { text in
            InferenceResultsSSE.writeResultTensor(name: "memory_id", result: memoryID, into: &text)
            text += ","
            InferenceResultsSSE.writeResultTensor(name: "parent_interaction_id", result: parentInteractionID, into: &text)
            text += ","
            InferenceResultsSSE.writeResponseTensor(content: content, isLast: isLast, into: &text)
            if let tokenUsage {
                text += ","
                InferenceResultsSSE.writeDataTensor(name: "token_usage", data: tokenUsage, into: &text)
            }
        }
    }

}
