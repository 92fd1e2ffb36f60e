/// A memory container's `configuration` (`MemoryConfiguration`): where its indices live, which models
/// it uses, and its strategies.
public struct MemoryContainerConfiguration: Sendable, Hashable {
    public var indexPrefix: String
    public var llmID: String?
    /// `TEXT_EMBEDDING` or `SPARSE_ENCODING`.
    public var embeddingModelType: String?
    public var embeddingModelID: String?
    public var embeddingDimension: Int?
    public var maxInferSize: Int?
    public var strategies: [MemoryStrategy]
    /// Index settings by `AgenticMemoryType.settingsKey`, each used as that index's settings.
    public var indexSettings: JSONObject
    public var parameters: JSONObject
    public var disableHistory: Bool
    public var disableSession: Bool
    public var useSystemIndex: Bool

    /// `MemoryConfiguration.parse` and its constructor's checks; a missing object is the all-defaults
    /// configuration. `sessionsOffByDefault` is 3.3's `disable_session` default (false from 3.5).
    public init(
        parsing value: JSONValue?, sessionsOffByDefault: Bool, randomHex: () -> String
    ) throws(OpenSearchError) {
        let fields = try value.map { value throws(OpenSearchError) in try RequestObject(value) } ?? RequestObject(JSONObject())
        llmID = try fields.string("llm_id")
        embeddingModelID = try fields.string("embedding_model_id")
        if let type = try fields.string("embedding_model_type") {
            guard let known = MLFunctionName.from(type) else { throw .illegalArgument("Wrong function name") }
            embeddingModelType = known
        }
        embeddingDimension = try fields.int("embedding_dimension")
        let maxInfer = try fields.int("max_infer_size")
        strategies = try (fields.array("strategies") ?? []).map { value throws(OpenSearchError) in try MemoryStrategy(parsing: value) }
        indexSettings = try fields.object("index_settings") ?? JSONObject()
        parameters = try fields.object("parameters") ?? JSONObject()
        disableHistory = try fields.bool("disable_history") ?? false
        disableSession = try fields.bool("disable_session") ?? sessionsOffByDefault
        useSystemIndex = try fields.bool("use_system_index") ?? true
        maxInferSize = maxInfer ?? (llmID != nil ? 5 : nil)
        let prefix = try fields.string("index_prefix")
        if let prefix, !prefix.isJavaBlank {
            indexPrefix = prefix
        } else {
            indexPrefix = useSystemIndex ? "default" : String(randomHex().prefix(8))
        }
        try validateModels()
    }

    /// The constructor's checks on the embedding settings and `max_infer_size`, in ml-commons' order.
    func validateModels() throws(OpenSearchError) {
        if embeddingModelID != nil, embeddingModelType == nil {
            throw .illegalArgument("Embedding model type is required when embedding model ID is provided")
        }
        if let type = embeddingModelType {
            guard embeddingModelID != nil else {
                throw .illegalArgument("Embedding model ID is required when embedding model type is provided")
            }
            switch type {
            case "TEXT_EMBEDDING":
                if embeddingDimension == nil { throw .illegalArgument("Dimension is required for TEXT_EMBEDDING") }
            case "SPARSE_ENCODING":
                if embeddingDimension != nil { throw .illegalArgument("Dimension is not allowed for SPARSE_ENCODING") }
            default:
                throw .illegalArgument("Embedding model type must be either TEXT_EMBEDDING or SPARSE_ENCODING")
            }
        }
        if let maxInferSize, maxInferSize > 10 { throw .illegalArgument("Maximum infer size cannot exceed 10") }
    }

    /// `validateStrategiesRequireModels`: strategies need an LLM and an embedding model.
    public func validateStrategiesRequireModels() throws(OpenSearchError) {
        guard !strategies.isEmpty else { return }
        let noLLM = llmID == nil
        let noEmbedding = embeddingModelID == nil || embeddingModelType == nil
        guard noLLM || noEmbedding else { return }
        let missing = noLLM && noEmbedding
            ? "LLM model and embedding model"
            : noLLM ? "LLM model (llm_id)" : "embedding model (embedding_model_id, embedding_model_type, dimension)"
        throw .illegalArgument(
            "Strategies require both an LLM model and embedding model to be configured. Missing: \(missing). Strategies use LLM for fact extraction and embedding model for semantic search.")
    }

    /// The index a memory type lives in; nil for sessions or history when they are disabled.
    public func indexName(_ type: AgenticMemoryType) -> String? {
        if type == .sessions, disableSession { return nil }
        if type == .history, disableHistory { return nil }
        let prefix = useSystemIndex ? ".plugins-ml-am-\(indexPrefix)" : indexPrefix
        return "\(prefix)-memory-\(type.indexSuffix)"
    }

    /// The indices `createMemoryDataIndices` makes, in its order: long-term and history only with strategies.
    public var dataIndices: [AgenticMemoryType] {
        var types: [AgenticMemoryType] = []
        if !disableSession { types.append(.sessions) }
        types.append(.working)
        if !strategies.isEmpty {
            types.append(.longTerm)
            if !disableHistory { types.append(.history) }
        }
        return types
    }

    /// `MemoryConfiguration.toXContent`: set fields only, the three flags always.
    public var json: JSONValue {
        var object: JSONObject = ["index_prefix": .string(indexPrefix)]
        if let llmID { object["llm_id"] = .string(llmID) }
        if let embeddingModelType { object["embedding_model_type"] = .string(embeddingModelType) }
        if let embeddingModelID { object["embedding_model_id"] = .string(embeddingModelID) }
        if embeddingModelType == "SPARSE_ENCODING" {
            object["embedding_dimension"] = .null
        } else if let embeddingDimension {
            object["embedding_dimension"] = .number(JSONNumber(embeddingDimension))
        }
        if llmID != nil, let maxInferSize { object["max_infer_size"] = .number(JSONNumber(maxInferSize)) }
        if !strategies.isEmpty { object["strategies"] = .array(strategies.map(\.json)) }
        if !indexSettings.isEmpty { object["index_settings"] = .object(Self.copiedMap(indexSettings)) }
        if !parameters.isEmpty { object["parameters"] = .object(Self.copiedMap(parameters)) }
        object["disable_history"] = .bool(disableHistory)
        object["disable_session"] = .bool(disableSession)
        object["use_system_index"] = .bool(useSystemIndex)
        return .object(object)
    }

    /// A map parsed into a `HashMap` and copied with `putAll` into a new one, which sizes its table for the
    /// count first: the copy iterates by its own buckets, ties in the parsed map's order. Inner maps stay
    /// as parsed.
    static func copiedMap(_ map: JSONObject) -> JSONObject {
        let parsed = JavaHashMapOrder.deep(map)
        let capacity = JavaHashMapOrder.presizedCapacity(for: parsed.count)
        return JavaHashMapOrder.ordered(parsed, initialCapacity: capacity)
    }
}
