/// The mappings ml-commons creates a container's data indices with (`index-mappings/ml_memory_*.json`),
/// so their searches treat `namespace.user_id` as a flat-object keyword and times as dates.
public enum AgenticMemoryIndexMappings {
    public static func mappings(_ type: AgenticMemoryType, configuration: MemoryContainerConfiguration) -> JSONObject {
        var fields: JSONObject
        switch type {
        case .sessions:
            fields = [
                "owner_id": keyword, "memory_container_id": keyword, "summary": text, "metadata": flat, "agents": flat,
                "created_time": date, "last_updated_time": date, "additional_info": flat, "namespace": flat,
                "namespace_size": integer, "tenant_id": keyword,
            ]
        case .working:
            fields = [
                "owner_id": keyword, "memory_container_id": keyword, "payload_type": keyword,
                "messages": ["type": "nested", "properties": ["role": keyword, "content": flat]],
                "message_id": integer, "binary_data": ["type": "binary"], "structured_data": flat, "namespace": flat,
                "namespace_size": integer, "metadata": flat, "tags": flat, "parameters": flat, "created_time": date,
                "last_updated_time": date, "tenant_id": keyword,
            ]
        case .longTerm:
            fields = [
                "owner_id": keyword, "memory_container_id": keyword, "namespace": flat, "namespace_size": integer,
                "memory": text, "tags": flat, "strategy_type": keyword, "strategy_id": keyword, "created_time": date,
                "last_updated_time": date,
            ]
            if configuration.embeddingModelType == "SPARSE_ENCODING" {
                fields["memory_embedding"] = ["type": "rank_features"]
            } else if let dimension = configuration.embeddingDimension {
                fields["memory_embedding"] = [
                    "type": "knn_vector", "dimension": .number(JSONNumber(dimension)),
                    "method": [
                        "name": "hnsw", "space_type": "cosinesimil", "engine": "lucene",
                        "parameters": ["ef_construction": 100, "m": 16],
                    ],
                ]
            }
        case .history:
            fields = [
                "owner_id": keyword, "memory_container_id": keyword, "memory_id": keyword, "action": keyword,
                "namespace": flat, "namespace_size": integer, "tags": flat, "error": text, "before": flat, "after": flat,
                "created_time": date, "tenant_id": keyword,
            ]
        }
        return ["_meta": ["schema_version": 1], "properties": .object(fields)]
    }

    /// The container index's fields, for searches on `.plugins-ml-am-memory-container`.
    public static let containerFields: JSONObject = [
        "name": ["type": "text", "fields": ["keyword": ["type": "keyword", "ignore_above": 256]]],
        "description": text, "created_time": date, "last_updated_time": date,
        "configuration": ["properties": [
            "index_prefix": keyword, "embedding_model_type": keyword, "embedding_model_id": keyword, "llm_id": keyword,
            "embedding_dimension": integer, "max_infer_size": integer, "disable_history": boolean,
            "disable_session": boolean, "use_system_index": boolean, "index_settings": flat,
            "strategies": ["type": "nested", "properties": [
                "id": keyword, "enabled": boolean, "type": keyword, "namespace": keyword, "configuration": flat,
            ]],
        ]],
        "backend_roles": ["type": "text", "fields": ["keyword": ["type": "keyword"]]], "tenant_id": keyword,
    ]

    private static let keyword: JSONValue = ["type": "keyword"]
    private static let text: JSONValue = ["type": "text"]
    private static let flat: JSONValue = ["type": "flat_object"]
    private static let integer: JSONValue = ["type": "integer"]
    private static let boolean: JSONValue = ["type": "boolean"]
    private static let date: JSONValue = ["type": "date", "format": "strict_date_time||epoch_millis"]
}
