/// One `_predict/stream` SSE event as `RestMLPredictionStreamAction.convertToHttpChunk` writes it:
/// `data: {"inference_results":[{"output":[{"name":"response","dataAsMap":{"content":…,"is_last":…}}]}]}\n\n`.
public struct PredictStreamChunk: ServerSentChunk, Hashable {
    /// The text of this piece of the answer (`""` for the final and tool-call echo chunks).
    public var content: String
    /// Whether this is the last chunk of the stream.
    public var isLast: Bool

    /// A chunk with the given content.
    public init(content: String, isLast: Bool = false) {
        self.content = content
        self.isLast = isLast
    }

    /// The closing chunk: empty content, `is_last: true`.
    public static let final = PredictStreamChunk(content: "", isLast: true)

    /// The exact SSE event text.
    public var text: String { InferenceResultsSSE.responseEvent(content: content, isLast: isLast) }

}
