import MLCommonsCore

/// A deployed local text model answering `_predict` as ml-commons' DL models do, with the emulator's
/// encoders in place of the network: one `inference_results` entry per text (per pair for cross-encoders).
public struct LocalTextModel: Sendable {
    public let functionName: String
    public let modelFormat: String?
    public let modelConfig: JSONObject

    public init(functionName: String, modelFormat: String?, modelConfig: JSONObject?) {
        self.functionName = functionName.uppercased()
        self.modelFormat = modelFormat?.uppercased()
        self.modelConfig = modelConfig ?? [:]
    }

    /// The widest embedding the emulator computes (real models stop at a few thousand).
    public static let maximumDimension = 16_384

    /// The function names this type answers.
    public static let functionNames: Set<String> = ["TEXT_EMBEDDING", "SPARSE_ENCODING", "SPARSE_TOKENIZE", "TEXT_SIMILARITY", "QUESTION_ANSWERING"]

    var modelType: String? { modelConfig["model_type"]?.stringValue }
    /// `model_max_length` less the two special tokens, at most 8192 (no tokenizer of the catalogue goes past 512).
    var maximumTokens: Int { min(8192, max(2, modelConfig["model_max_length"]?.numberValue?.intValue ?? 512)) - 2 }

    public func predict(_ input: TextModelInput) throws(OpenSearchError) -> JSONValue {
        let results: [[ModelTensor]]
        switch functionName {
        case "TEXT_EMBEDDING":
            let texts = try prefixed(input)
            let dimension = modelConfig["embedding_dimension"]?.numberValue?.intValue ?? 768
            guard dimension <= Self.maximumDimension else {
                throw .illegalArgument("the emulator's encoder produces at most \(Self.maximumDimension) dimensions; this model declares \(dimension)")
            }
            let encoder = HashedTextEncoder(dimension: dimension, modelType: modelType, maximumTokens: maximumTokens)
            results = texts.map { input.filter(embeddingTensors($0, encoder: encoder)) }
        case "SPARSE_ENCODING", "SPARSE_TOKENIZE":
            let weigher = SparseTermWeighter(modelType: modelType, maximumTokens: maximumTokens)
            results = input.textDocs.map { text in
                var weights = weigher.weights(text, countsFrequency: functionName == "SPARSE_ENCODING")
                if input.sparseEmbeddingFormat?.uppercased() == "TOKEN_ID" {
                    weights = JavaHashMapOrder.ordered(JSONObject(weights.map { (String(weigher.vocabulary.id(of: $0.key)), $0.value) }))
                }
                return input.filter([.map("output", ["response": .array([.object(weights)])])])
            }
        case "TEXT_SIMILARITY":
            guard let query = input.queryText else { throw .illegalArgument("Query text is required for text similarity") }
            let encoder = HashedTextEncoder(dimension: 768, modelType: modelType, maximumTokens: maximumTokens)
            let queryVector = encoder.embed(query)
            results = input.textDocs.map { document in
                let score = Float(HashedTextEncoder.cosine(queryVector, encoder.embed(document)))
                return [.floats("similarity", shape: [1], [score])]
            }
        case "QUESTION_ANSWERING":
            guard let question = input.question, !question.isEmpty else { throw .illegalArgument("Question is not provided") }
            guard let context = input.context, !context.isEmpty else { throw .illegalArgument("Context is not provided") }
            let answerer = QuestionAnswerer(encoder: HashedTextEncoder(dimension: 768, modelType: modelType, maximumTokens: maximumTokens))
            results = [[modelType?.lowercased() == "sentence_highlighting"
                ? answerer.highlights(question: question, context: context) : answerer.answer(question: question, context: context)]]
        default:
            throw .illegalArgument("Unsupported function name for local text model: \(functionName)")
        }
        return ["inference_results": .array(results.map { ["output": .array($0.map(\.json))] })]
    }

    /// What a traced sentence-transformer returns (ids, mask, token embeddings, the embedding); ONNX and
    /// Hugging Face models are pooled by ml-commons' translator and return the embedding alone.
    func embeddingTensors(_ text: String, encoder: HashedTextEncoder) -> [ModelTensor] {
        let dimension = encoder.dimension
        let encoding = encoder.encode(text)
        let embedding = ModelTensor.floats("sentence_embedding", shape: [dimension], encoding.sentenceEmbedding)
        let isTracedSentenceTransformer = modelFormat != "ONNX"
            && (modelConfig["framework_type"]?.stringValue ?? "sentence_transformers").lowercased() == "sentence_transformers"
        guard isTracedSentenceTransformer else { return [embedding] }
        return [
            .longs("input_ids", encoding.tokenIDs),
            .longs("attention_mask", encoding.attentionMask),
            .floats("token_embeddings", shape: [encoding.tokenIDs.count, dimension], encoding.tokenEmbeddings.flatMap { $0 }),
            embedding,
        ]
    }

    /// `TextEmbeddingModel.isAsymmetricModel`: prefixes from the model config, required when it has them.
    func prefixed(_ input: TextModelInput) throws(OpenSearchError) -> [String] {
        let queryPrefix = modelConfig["query_prefix"]?.stringValue
        let passagePrefix = modelConfig["passage_prefix"]?.stringValue
        guard let contentType = input.contentType else {
            if queryPrefix != nil || passagePrefix != nil {
                throw .illegalArgument(
                    "The embedding model chosen is asymmetric. To use it, you must declare whether the input is of type `QUERY` or of type `PASSAGE`.")
            }
            return input.textDocs
        }
        guard queryPrefix != nil || passagePrefix != nil else {
            throw .illegalArgument(
                "When passing AsymmetricTextEmbeddingParameters, the model requires to be registered with at least one of `query_prefix` or `passage_prefix`.")
        }
        let prefix = contentType.uppercased() == "PASSAGE" ? passagePrefix : queryPrefix
        return input.textDocs.map { (prefix ?? "") + $0 }
    }
}
