import MLCommonsCore

/// A stored agent document, read for running.
public struct AgentDefinition: Sendable {
    public var name: String
    public var type: AgentType
    public var modelID: String?
    public var llmParameters: [String: String]
    public var parameters: [String: String]
    public var tools: [ToolSpec]
    public var memoryType: String?
    public var appType: String?
    /// The unified API's provider (`model.model_provider`), for agents registered with a `model` block.
    public var modelProvider: ModelProvider?
    /// `memory.memory_container_id`: the container an agentic-memory agent keeps its sessions in.
    public var memoryContainerID: String?

    public init(document: JSONObject, profile: VersionProfile = VersionProfile()) throws(OpenSearchError) {
        name = document["name"]?.stringValue ?? ""
        guard let type = AgentType(name: document["type"]?.stringValue ?? ""), profile.knows(type) else {
            throw .illegalArgument(profile.invalidAgentType(document["type"]?.stringValue ?? ""))
        }
        self.type = type
        modelID = document["llm"]?["model_id"]?.stringValue
        llmParameters = Self.strings(document["llm"]?["parameters"])
        parameters = Self.strings(document["parameters"])
        tools = (document["tools"]?.arrayValue ?? []).compactMap { $0.objectValue.map(ToolSpec.init(document:)) }
        memoryType = document["memory"]?["type"]?.stringValue
        appType = document["app_type"]?.stringValue
        modelProvider = (document["model"]?["model_provider"]?.stringValue).flatMap(ModelProvider.init(name:))
        memoryContainerID = document["memory"]?["memory_container_id"]?.stringValue
    }

    static func strings(_ value: JSONValue?) -> [String: String] {
        var out: [String: String] = [:]
        for (key, member) in value?.objectValue ?? JSONObject() { out[key] = member.stringValue }
        return out
    }
}
