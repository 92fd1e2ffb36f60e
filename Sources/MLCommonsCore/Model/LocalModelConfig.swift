/// A local model's `model_config` as ml-commons stores it (`TextEmbeddingModelConfig` for text embedding,
/// `QuestionAnsweringModelConfig`, `BaseModelConfig` for the rest: parsed, enum names upper-cased, written
/// back in their field order).
public enum LocalModelConfig {
    static let textEmbeddingOrder = [
        "model_type", "embedding_dimension", "framework_type", "all_config", "additional_config", "model_max_length",
        "pooling_mode", "normalize_result", "query_prefix", "passage_prefix",
    ]

    static let frameworkTypes: Set<String> = [
        "SENTENCE_TRANSFORMERS", "HUGGINGFACE_TRANSFORMERS", "HUGGINGFACE_TRANSFORMERS_NEURON",
    ]
    static let poolingModes: Set<String> = ["MEAN", "MEAN_SQRT_LEN", "MAX", "WEIGHTEDMEAN", "CLS", "LASTTOKEN", "NONE"]

    /// The stored form of a registration's `model_config`, or its parse error.
    public static func normalize(_ config: JSONObject, functionName: String) throws(OpenSearchError) -> JSONObject {
        let fields = try RequestObject(.object(config))
        var stored = JSONObject()
        if functionName == "QUESTION_ANSWERING" {
            if let type = try fields.string("model_type") { stored["model_type"] = .string(type) }
            if let framework = try fields.string("framework_type") { stored["framework_type"] = .string(try frameworkType(framework)) }
            if let all = try fields.string("all_config") { stored["all_config"] = .string(all) }
            return stored
        }
        let isTextEmbedding = functionName == "TEXT_EMBEDDING"
        if let type = try fields.string("model_type") { stored["model_type"] = .string(type) }
        let dimension = try fields.int("embedding_dimension")
        let framework = try fields.string("framework_type").map { text throws(OpenSearchError) in try frameworkType(text) }
        if isTextEmbedding {
            guard let dimension else { throw .illegalArgument("embedding dimension is null") }
            guard let framework else { throw .illegalArgument("framework type is null") }
            stored["embedding_dimension"] = .number(JSONNumber(dimension))
            stored["framework_type"] = .string(framework)
        }
        if let all = try fields.string("all_config") { stored["all_config"] = .string(all) }
        if let additional = try fields.object("additional_config") { stored["additional_config"] = .object(additional) }
        if !isTextEmbedding {
            // `BaseModelConfig` writes these after the additional config.
            if let dimension { stored["embedding_dimension"] = .number(JSONNumber(dimension)) }
            if let framework { stored["framework_type"] = .string(framework) }
        }
        if let length = try fields.int("model_max_length") { stored["model_max_length"] = .number(JSONNumber(length)) }
        if let pooling = try fields.string("pooling_mode") {
            let upper = pooling.uppercased()
            guard poolingModes.contains(upper) else { throw .illegalArgument("Wrong pooling method") }
            stored["pooling_mode"] = .string(upper)
        }
        if try fields.bool("normalize_result") == true { stored["normalize_result"] = true }
        if let prefix = try fields.string("query_prefix") { stored["query_prefix"] = .string(prefix) }
        if let prefix = try fields.string("passage_prefix") { stored["passage_prefix"] = .string(prefix) }
        return stored
    }

    private static func frameworkType(_ text: String) throws(OpenSearchError) -> String {
        let upper = text.uppercased()
        guard frameworkTypes.contains(upper) else { throw .illegalArgument("Wrong framework type") }
        return upper
    }
}
