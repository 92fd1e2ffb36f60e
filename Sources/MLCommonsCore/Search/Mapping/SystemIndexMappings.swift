/// The field types of ml-commons 3.3's system indices (its `index-mappings` resources), in the shape
/// of an index's `mappings`, so queries on them analyze and score each field as a cluster does.
public enum SystemIndexMappings {
    /// The mappings of a system index, or nil for any other index.
    public static func mappings(for index: String) -> JSONObject? {
        guard let fields = table[index] else { return nil }
        return ["properties": .object(fields)]
    }

    private static let table: [String: JSONObject] = [
        SystemIndex.modelGroup: [
            "name": named, "description": text, "latest_version": number, "model_group_id": keyword,
            "tenant_id": keyword, "backend_roles": named, "access": keyword, "owner": user,
            "created_time": date, "last_updated_time": date, "all_shared_principals": keyword,
        ],
        SystemIndex.connector: connectorFields.merging([
            "tenant_id": keyword, "backend_roles": named, "access": keyword, "owner": user,
            "created_time": date, "last_updated_time": date,
        ]),
        SystemIndex.model: [
            "algorithm": keyword, "name": named, "version": number, "model_version": keyword,
            "model_group_id": keyword, "model_content": binary, "chunk_number": number, "total_chunks": number,
            "model_id": keyword, "description": text, "model_format": keyword, "model_state": keyword,
            "model_content_size_in_bytes": number, "planning_worker_node_count": number,
            "current_worker_node_count": number, "planning_worker_nodes": keyword, "deploy_to_all_nodes": boolean,
            "is_hidden": boolean, "tenant_id": keyword,
            "model_config": object([
                "model_type": keyword, "embedding_dimension": number, "framework_type": keyword,
                "pooling_mode": keyword, "normalize_result": boolean, "model_max_length": number, "all_config": text,
                "additional_config": flat,
            ]),
            "deploy_setting": flat, "is_enabled": boolean, "is_controller_enabled": boolean, "rate_limiter": flat,
            "model_content_hash_value": keyword, "auto_redeploy_retry_times": number, "created_time": date,
            "last_updated_time": date, "last_registered_time": date, "last_deployed_time": date,
            "last_undeployed_time": date, "interface": flat,
            "guardrails": object(["input_guardrail": guardrail, "output_guardrail": guardrail]),
            "connector": object(connectorFields), "user": user,
        ],
        SystemIndex.agent: [
            "name": named, "type": keyword, "description": text, "llm": flat, "tools": flat, "parameters": flat,
            "memory": flat, "is_hidden": boolean, "tenant_id": keyword, "created_time": date,
            "last_updated_time": date,
        ],
        SystemIndex.task: [
            "model_id": keyword, "task_type": keyword, "function_name": keyword, "state": keyword,
            "input_type": keyword, "progress": number, "output_index": keyword, "worker_node": keyword,
            "create_time": date, "last_update_time": date, "error": text, "tenant_id": keyword, "is_async": boolean,
            "remote_job": flat, "user": user, "response": flat,
        ],
        SystemIndex.config: [
            "master_key": keyword, "config_type": keyword, "tenant_id": keyword, "ml_configuration": flat,
            "create_time": date, "last_updated_time": date,
        ],
        SystemIndex.controller: ["user_rate_limiter": flat],
        MemoryContainer.index: AgenticMemoryIndexMappings.containerFields,
        ConversationMemory.metaIndex: [
            "name": text, "create_time": date, "updated_time": date, "user": keyword, "application_type": keyword,
            "additional_info": flat,
        ],
        ConversationMemory.messageIndex: [
            "memory_id": keyword, "create_time": date, "updated_time": date, "input": text, "prompt_template": text,
            "response": text, "origin": keyword, "additional_info": flat, "parent_message_id": keyword,
            "trace_number": number,
        ],
    ]

    private static let text: JSONValue = ["type": "text"]
    private static let keyword: JSONValue = ["type": "keyword"]
    private static let number: JSONValue = ["type": "long"]
    private static let date: JSONValue = ["type": "date", "format": "strict_date_time||epoch_millis"]
    private static let boolean: JSONValue = ["type": "boolean"]
    private static let flat: JSONValue = ["type": "flat_object"]
    private static let binary: JSONValue = ["type": "binary"]
    /// A name: `text`, with a `keyword` multi-field that skips values over 256 characters.
    private static let named: JSONValue = [
        "type": "text", "fields": ["keyword": ["type": "keyword", "ignore_above": 256]],
    ]
    private static let textWithKeyword: JSONValue = ["type": "text", "fields": ["keyword": ["type": "keyword"]]]
    /// The `user` / `owner` object ml-commons records: nested, so only a `nested` query reaches it.
    private static let user: JSONValue = [
        "type": "nested",
        "properties": [
            "name": named, "backend_roles": textWithKeyword, "roles": textWithKeyword,
            "custom_attribute_names": textWithKeyword,
        ],
    ]
    private static let connectorFields: JSONObject = [
        "name": named, "version": keyword, "description": text, "protocol": keyword, "parameters": flat,
        "credential": flat, "client_config": flat, "actions": flat,
    ]
    private static let guardrail = object([
        "regex": text, "stop_words": object(["index_name": text, "source_fields": text]),
    ])

    private static func object(_ properties: JSONObject) -> JSONValue { ["properties": .object(properties)] }
}

extension JSONObject {
    fileprivate func merging(_ other: JSONObject) -> JSONObject {
        var out = self
        for (key, value) in other { out[key] = value }
        return out
    }
}
