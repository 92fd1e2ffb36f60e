/// A `_register_meta` body (`MLRegisterModelMetaInput.parse` plus its constructor checks): a local model
/// whose content the client uploads in `total_chunks` chunks.
public struct ModelMetaRegistration: Sendable, Hashable {
    public var name: String
    public var functionName: String
    public var modelGroupID: String?
    public var description: String?
    public var isEnabled: Bool?
    public var rateLimiter: JSONObject?
    public var modelFormat: String
    public var contentSize: Int?
    public var contentHash: String
    public var modelConfig: JSONObject?
    public var deploySetting: JSONObject?
    public var totalChunks: Int
    public var isHidden: Bool?
    public var modelInterface: JSONObject?
    /// Applied to the model group a registration creates (refused without the security plugin).
    public var accessControl = AccessControlParameters()

    public init(parsing value: JSONValue) throws(OpenSearchError) {
        let fields = try RequestObject(value)
        accessControl = try AccessControlParameters(fields, lowercasingMode: false)
        functionName = try fields.string("function_name")?.uppercased() ?? "TEXT_EMBEDDING"
        guard let name = try fields.string("name") else { throw .illegalArgument("model name is null") }
        self.name = name
        // An empty group id is no group id (`Strings.isEmpty` in the register actions).
        modelGroupID = try fields.string("model_group_id").flatMap { $0.isEmpty ? nil : $0 }
        description = try fields.string("description")
        isEnabled = try fields.bool("is_enabled")
        rateLimiter = try fields.object("rate_limiter")
        guard let format = try fields.string("model_format")?.uppercased() else { throw .illegalArgument("model format is null") }
        guard format == "TORCH_SCRIPT" || format == "ONNX" else { throw .illegalArgument("Wrong model format") }
        modelFormat = format
        contentSize = try fields.long("model_content_size_in_bytes").map { Int($0) }
        guard let hash = try fields.string("model_content_hash_value") else {
            throw .illegalArgument("model content hash value is null")
        }
        contentHash = hash
        if let config = try fields.object("model_config") {
            modelConfig = try LocalModelConfig.normalize(config, functionName: functionName)
        } else if functionName != "SPARSE_TOKENIZE" && functionName != "SPARSE_ENCODING" {
            throw .illegalArgument("model config is null")
        }
        deploySetting = try fields.object("deploy_setting")
        guard let totalChunks = try fields.int("total_chunks") else { throw .illegalArgument("total chunks field is null") }
        self.totalChunks = totalChunks
        isHidden = try fields.bool("is_hidden")
        modelInterface = try fields.stringMap("interface")
    }

    /// The `REGISTERING` model document, in `MLModel.toXContent` order.
    public func document(groupID: String, version: String, now: Int64) -> JSONObject {
        var doc: JSONObject = [
            "name": .string(name), "model_group_id": .string(groupID), "algorithm": .string(functionName),
            "model_version": .string(version),
        ]
        if let description { doc["description"] = .string(description) }
        doc["model_format"] = .string(modelFormat)
        doc["model_state"] = .string(ModelState.registering.rawValue)
        if let contentSize { doc["model_content_size_in_bytes"] = .number(JSONNumber(contentSize)) }
        doc["model_content_hash_value"] = .string(contentHash)
        if let modelConfig { doc["model_config"] = .object(modelConfig) }
        if let deploySetting { doc["deploy_setting"] = .object(deploySetting) }
        if let isEnabled { doc["is_enabled"] = .bool(isEnabled) }
        if let rateLimiter { doc["rate_limiter"] = .object(rateLimiter) }
        doc["created_time"] = .number(JSONNumber(Int(now)))
        doc["last_updated_time"] = .number(JSONNumber(Int(now)))
        doc["total_chunks"] = .number(JSONNumber(totalChunks))
        if let isHidden { doc["is_hidden"] = .bool(isHidden) }
        if let modelInterface { doc["interface"] = .object(modelInterface) }
        return doc
    }
}
