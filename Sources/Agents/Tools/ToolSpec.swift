import MLCommonsCore

/// One entry of an agent's `tools` (`MLToolSpec`), as stored.
public struct ToolSpec: Sendable, Hashable {
    public var type: String
    public var name: String?
    public var description: String?
    public var parameters: [String: String]
    public var attributes: [String: String]
    public var config: [String: String]
    public var includeOutputInAgentResponse: Bool

    /// The name the agent and the LLM use: `name`, else `type`.
    public var effectiveName: String { name ?? type }

    public init(
        type: String, name: String? = nil, description: String? = nil, parameters: [String: String] = [:],
        attributes: [String: String] = [:], config: [String: String] = [:], includeOutputInAgentResponse: Bool = false
    ) {
        self.type = type
        self.name = name
        self.description = description
        self.parameters = parameters
        self.attributes = attributes
        self.config = config
        self.includeOutputInAgentResponse = includeOutputInAgentResponse
    }

    /// Reads a stored tool spec object.
    public init(document: JSONObject) {
        func strings(_ key: String) -> [String: String] {
            var out: [String: String] = [:]
            for (name, value) in document[key]?.objectValue ?? JSONObject() { out[name] = value.stringValue }
            return out
        }
        self.init(
            type: document["type"]?.stringValue ?? "", name: document["name"]?.stringValue,
            description: document["description"]?.stringValue, parameters: strings("parameters"),
            attributes: strings("attributes"), config: strings("config"),
            includeOutputInAgentResponse: document["include_output_in_agent_response"]?.boolValue ?? false)
    }
}
