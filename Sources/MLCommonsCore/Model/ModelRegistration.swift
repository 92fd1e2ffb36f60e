/// A `_register` body for a model (`MLRegisterModelInput.parse` plus its constructor checks).
public struct ModelRegistration: Sendable, Hashable {
    public var functionName: String
    public var name: String
    public var modelGroupID: String?
    public var version: String?
    public var description: String?
    public var isEnabled: Bool?
    public var rateLimiter: JSONObject?
    public var url: String?
    public var modelFormat: String?
    /// `model_content_hash_value`: the SHA-256 a by-URL model's zip must have.
    public var contentHash: String?
    public var modelConfig: JSONObject?
    public var deploySetting: JSONObject?
    public var connector: ConnectorInput?
    public var connectorID: String?
    public var guardrails: JSONObject?
    public var modelInterface: JSONObject?
    public var tenantID: String?
    /// Applied to the model group a registration creates (refused without the security plugin).
    public var accessControl = AccessControlParameters()

    public var isRemote: Bool { functionName == "REMOTE" }

    public init(parsing value: JSONValue) throws(OpenSearchError) {
        let fields = try RequestObject(value)
        functionName = try fields.string("function_name")?.uppercased() ?? "TEXT_EMBEDDING"
        guard let name = try fields.string("name") else { throw .illegalArgument("model name is null") }
        self.name = name
        // An empty group id is no group id (`Strings.isEmpty` in the register actions).
        modelGroupID = try fields.string("model_group_id").flatMap { $0.isEmpty ? nil : $0 }
        version = try fields.string("version")
        description = try fields.string("description")
        isEnabled = try fields.bool("is_enabled")
        rateLimiter = try fields.object("rate_limiter")
        url = try fields.string("url")
        modelFormat = try fields.string("model_format")?.uppercased()
        contentHash = try fields.string("model_content_hash_value")
        modelConfig = try fields.object("model_config")
        deploySetting = try fields.object("deploy_setting")
        if let inline = fields.object["connector"], inline != .null { connector = try ConnectorInput(parsing: inline) }
        connectorID = try fields.string("connector_id")
        guardrails = try fields.object("guardrails")
        modelInterface = try fields.stringMap("interface")
        tenantID = try fields.string("tenant_id")
        accessControl = try AccessControlParameters(fields, lowercasingMode: false)
        if !isRemote {
            guard let modelFormat else { throw .illegalArgument("model format is null") }
            guard modelFormat == "TORCH_SCRIPT" || modelFormat == "ONNX" else { throw .illegalArgument("Wrong model format") }
            if let config = modelConfig { modelConfig = try LocalModelConfig.normalize(config, functionName: functionName) }
            if url != nil, modelConfig == nil, functionName != "SPARSE_TOKENIZE", functionName != "SPARSE_ENCODING" {
                throw .illegalArgument("model config is null")
            }
        }
    }

    /// The stored document of a newly registered remote model, in `MLModel.toXContent` order.
    public func document(modelGroupID: String, version: String, inlineConnector: JSONObject?, now: Int64) -> JSONObject {
        var doc: JSONObject = [
            "name": .string(name), "model_group_id": .string(modelGroupID), "algorithm": .string(functionName),
            "model_version": .string(version),
        ]
        if let description { doc["description"] = .string(description) }
        if let modelFormat { doc["model_format"] = .string(modelFormat) }
        doc["model_state"] = .string(ModelState.registered.rawValue)
        if let modelConfig { doc["model_config"] = .object(modelConfig) }
        if let deploySetting { doc["deploy_setting"] = .object(deploySetting) }
        if let isEnabled { doc["is_enabled"] = .bool(isEnabled) }
        if let rateLimiter { doc["rate_limiter"] = .object(rateLimiter) }
        doc["created_time"] = .number(JSONNumber(Int(now)))
        doc["last_updated_time"] = .number(JSONNumber(Int(now)))
        doc["is_hidden"] = false
        if let inlineConnector { doc["connector"] = .object(inlineConnector) }
        if let connectorID { doc["connector_id"] = .string(connectorID) }
        if let guardrails { doc["guardrails"] = .object(guardrails) }
        if let modelInterface { doc["interface"] = .object(modelInterface) }
        if let tenantID { doc["tenant_id"] = .string(tenantID) }
        return doc
    }

    /// `MLModel.toXContent` field order.
    public static let fieldOrder = [
        "name", "model_group_id", "algorithm", "model_version", "model_content", "user", "description", "model_format",
        "model_state", "model_content_size_in_bytes", "model_content_hash_value", "model_config", "deploy_setting",
        "is_enabled", "is_controller_enabled", "rate_limiter", "created_time", "last_updated_time",
        "last_registered_time", "last_deployed_time", "last_undeployed_time", "model_id", "auto_redeploy_retry_times",
        "chunk_number", "total_chunks", "planning_worker_node_count", "current_worker_node_count",
        "planning_worker_nodes", "deploy_to_all_nodes", "is_hidden", "connector", "connector_id", "guardrails",
        "interface", "tenant_id",
    ]
}
