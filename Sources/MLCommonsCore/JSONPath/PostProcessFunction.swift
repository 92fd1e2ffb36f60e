/// The built-in post-process functions (`MLPostProcessFunction`) and the JSONPath each reads the
/// upstream body with when `response_filter` is blank.
public enum PostProcessFunction: String, Sendable, CaseIterable {
    case openAIEmbedding = "connector.post_process.openai.embedding"
    case cohereEmbedding = "connector.post_process.cohere.embedding"
    case cohereV2EmbeddingFloat = "connector.post_process.cohere_v2.embedding.float"
    case cohereV2EmbeddingInt8 = "connector.post_process.cohere_v2.embedding.int8"
    case cohereV2EmbeddingUInt8 = "connector.post_process.cohere_v2.embedding.uint8"
    case cohereV2EmbeddingBinary = "connector.post_process.cohere_v2.embedding.binary"
    case cohereV2EmbeddingUBinary = "connector.post_process.cohere_v2.embedding.ubinary"
    case bedrockEmbedding = "connector.post_process.bedrock.embedding"
    case bedrockV2EmbeddingFloat = "connector.post_process.bedrock_v2.embedding.float"
    case bedrockV2EmbeddingBinary = "connector.post_process.bedrock_v2.embedding.binary"
    case bedrockNovaEmbedding = "connector.post_process.bedrock.nova.embedding"
    case bedrockBatchJobARN = "connector.post_process.bedrock.batch_job_arn"
    case cohereRerank = "connector.post_process.cohere.rerank"
    case bedrockRerank = "connector.post_process.bedrock.rerank"
    case defaultEmbedding = "connector.post_process.default.embedding"
    case defaultRerank = "connector.post_process.default.rerank"
    case mlCommonsPassthrough = "connector.post_process.mlcommons.passthrough"

    /// The function's name as connectors write it.
    public var name: String { rawValue }

    /// The default `response_filter` (`MLPostProcessFunction.JSON_PATH_EXPRESSION`).
    public var defaultResponseFilter: String {
        switch self {
        case .openAIEmbedding: return "$.data[*].embedding"
        case .cohereEmbedding: return "$.embeddings"
        case .cohereV2EmbeddingFloat: return "$.embeddings.float"
        case .cohereV2EmbeddingInt8: return "$.embeddings.int8"
        case .cohereV2EmbeddingUInt8: return "$.embeddings.uint8"
        case .cohereV2EmbeddingBinary: return "$.embeddings.binary"
        case .cohereV2EmbeddingUBinary: return "$.embeddings.ubinary"
        case .bedrockEmbedding: return "$.embedding"
        case .bedrockV2EmbeddingFloat: return "$.embeddingsByType.float"
        case .bedrockV2EmbeddingBinary: return "$.embeddingsByType.binary"
        case .bedrockNovaEmbedding: return "$.embeddings[*].embedding"
        case .bedrockBatchJobARN, .mlCommonsPassthrough: return "$"
        case .cohereRerank, .bedrockRerank: return "$.results"
        case .defaultEmbedding, .defaultRerank: return "$[*]"
        }
    }

    /// The filter a call uses: `response_filter` unless blank, else the function's default
    /// (`StringUtils.isBlank(responseFilter)` in `ConnectorUtils.processOutput`).
    public func responseFilter(overriddenBy parameter: String?) -> String {
        guard let parameter, !parameter.allSatisfy(\.isJavaWhitespace) else { return defaultResponseFilter }
        return parameter
    }
}
