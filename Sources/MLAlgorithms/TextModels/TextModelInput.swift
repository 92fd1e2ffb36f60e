import MLCommonsCore

/// A `_predict` body for a local text model (`MLInput.parse` for `TEXT_EMBEDDING`, `SPARSE_*`,
/// `TEXT_SIMILARITY` and `QUESTION_ANSWERING`), with its result filter.
public struct TextModelInput: Sendable, Hashable {
    public var textDocs: [String]
    public var queryText: String?
    /// A question-answering model's question and the text it is asked about.
    public var question: String?
    public var context: String?
    public var returnBytes = false
    public var returnNumber = true
    public var targetResponse: [String] = []
    public var targetResponsePositions: [Int] = []
    /// `parameters.content_type` of an asymmetric model (`query` or `passage`).
    public var contentType: String?
    /// `parameters.sparse_embedding_format`: `WORD` (default) or `TOKEN_ID`.
    public var sparseEmbeddingFormat: String?

    public init(textDocs: [String]) { self.textDocs = textDocs }

    public init(parsing value: JSONValue) throws(OpenSearchError) {
        let fields = try RequestObject(value)
        textDocs = try fields.stringList("text_docs") ?? []
        queryText = try fields.string("query_text")
        question = try fields.string("question")
        context = try fields.string("context")
        returnBytes = try fields.bool("return_bytes") ?? false
        returnNumber = try fields.bool("return_number") ?? true
        targetResponse = try fields.stringList("target_response") ?? []
        if case .array(let positions)? = fields.object["target_response_positions"] {
            targetResponsePositions = positions.compactMap { $0.numberValue?.intValue }
        }
        if let parameters = try fields.object("parameters") {
            let parameterFields = try RequestObject(.object(parameters))
            contentType = try parameterFields.string("content_type")
            sparseEmbeddingFormat = try parameterFields.string("sparse_embedding_format")
        }
    }

    /// `ModelTensors.filter`: the named or positioned tensors only, numbers and bytes kept as asked.
    func filter(_ tensors: [ModelTensor]) -> [ModelTensor] {
        let chosen: [ModelTensor]
        if targetResponse.isEmpty && targetResponsePositions.isEmpty {
            chosen = tensors
        } else {
            chosen = tensors.enumerated().filter { index, tensor in
                tensor.name.map(targetResponse.contains) == true || targetResponsePositions.contains(index)
            }.map(\.element)
        }
        return chosen.map { tensor in
            var tensor = tensor
            if !returnBytes { tensor.includesBytes = false }
            if !returnNumber { tensor.includesData = false }
            return tensor
        }
    }
}
