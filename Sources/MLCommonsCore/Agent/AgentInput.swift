/// An agent as given to `_register` (`MLAgent.parseFromUserInput` plus its constructor checks).
public struct AgentInput: Sendable, Hashable {
    public static let nameMaxLength = 128
    /// The `_llm_interface` values `FunctionCallingFactory` accepts.
    public static let llmInterfaces = ["bedrock/converse/claude", "openai/v1/chat/completions", "bedrock/converse/deepseek_r1"]

    public var name: String?
    public var type: String?
    public var description: String?
    public var llm: JSONObject?
    /// The unified API's `model` block (3.5+): the connector and model to create for this agent.
    public var model: AgentModelSpec?
    public var tools: [JSONObject]?
    public var parameters: JSONObject?
    public var memory: JSONObject?
    public var appType: String?
    public var tenantID: String?

    /// `processQueryPlannerTools`: with an LLM, each QueryPlanningTool gets the LLM's model unless it names one (its
    /// parameters copied into a `HashMap`, so in that map's order).
    public mutating func injectQueryPlannerModel() {
        guard let modelID = llm?["model_id"]?.stringValue, !modelID.isJavaBlank, let specs = tools else { return }
        tools = specs.map { spec in
            guard spec["type"]?.stringValue == "QueryPlanningTool" else { return spec }
            var tool = spec
            let given = spec["parameters"]?.objectValue ?? JSONObject()
            var parameters = given
            if parameters["model_id"] == nil { parameters["model_id"] = .string(modelID) }
            tool["parameters"] = .object(JavaHashMapOrder.ordered(
                parameters, initialCapacity: JavaHashMapOrder.presizedCapacity(for: given.count)))
            return tool
        }
    }

    /// Reads fields in body order, so the first bad field reports first, as a streaming parser would.
    /// Parses and validates a register body as `profile`'s release does.
    public init(parsing value: JSONValue, profile: VersionProfile = VersionProfile()) throws(OpenSearchError) {
        let fields = try RequestObject(value)
        for key in fields.object.keys {
            switch key {
            case "name": name = try fields.string(key)
            case "type": type = try fields.string(key)
            case "description": description = try fields.string(key)
            case "llm": llm = try Self.parseLLM(fields.object(key))
            case "model" where profile.unifiedAgentAPI:
                model = try fields.object(key).map { object throws(OpenSearchError) in try AgentModelSpec(parsing: object) }
            case "tools":
                var parsed: [JSONObject] = []
                for item in try fields.array(key) ?? [] { parsed.append(try Self.parseTool(item)) }
                tools = parsed
            case "parameters": parameters = try fields.parameterMap(key)
            case "memory": memory = try Self.parseMemory(fields.object(key), profile: profile)
            case "app_type": appType = try fields.string(key)
            case "tenant_id": tenantID = try fields.string(key)
            default: continue
            }
        }
        try validate(profile)
    }

    /// `MLAgent.validate` then `TransportRegisterAgentAction`'s `_llm_interface` checks.
    private func validate(_ profile: VersionProfile) throws(OpenSearchError) {
        guard let name else { throw .illegalArgument("Agent name can't be null") }
        if name.allSatisfy(\.isWhitespace) || name.utf16.count > Self.nameMaxLength {
            throw .illegalArgument("Agent name cannot be empty or exceed max length of \(Self.nameMaxLength) characters")
        }
        guard let type else { throw .illegalArgument("Agent type can't be null") }
        guard let agentType = AgentType(name: type), profile.knows(agentType) else {
            throw .illegalArgument(profile.invalidAgentType(type))
        }
        if agentType == .conversational, llm == nil, model == nil {
            throw .illegalArgument("We need model information for the conversational agent type")
        }
        if agentType == .conversationalV2 { try validateV2Memory() }
        var seen = Set<String>()
        for tool in tools ?? [] {
            let toolName = tool["name"]?.stringValue ?? tool["type"]?.stringValue ?? ""
            guard seen.insert(toolName).inserted else { throw .illegalArgument(profile.duplicateTool(toolName)) }
        }
        if let llmInterface = parameters?["_llm_interface"]?.stringValue {
            if llmInterface.allSatisfy(\.isWhitespace) {
                throw .illegalArgument("_llm_interface cannot be blank or empty")
            }
            let normalized = llmInterface.trimmingWhitespace().lowercased()
            guard Self.llmInterfaces.contains(normalized)
                || (profile.geminiFunctionCalling && normalized == "gemini/v1beta/generatecontent")
            else {
                throw .illegalArgument(profile.invalidLLMInterface(llmInterface))
            }
        }
    }

    private static func parseLLM(_ object: JSONObject?) throws(OpenSearchError) -> JSONObject? {
        guard let object else { return nil }
        let fields = RequestObject(object)
        guard let modelID = try fields.string("model_id") else { throw .illegalArgument("model id is null") }
        var llm: JSONObject = ["model_id": .string(modelID)]
        if let parameters = try fields.parameterMap("parameters") { llm["parameters"] = .object(parameters) }
        return llm
    }

    private static func parseTool(_ value: JSONValue) throws(OpenSearchError) -> JSONObject {
        let fields = try RequestObject(value)
        guard let type = try fields.string("type") else { throw .illegalArgument("tool type is null") }
        var tool: JSONObject = ["type": .string(type)]
        if let name = try fields.string("name") { tool["name"] = .string(name) }
        if let description = try fields.string("description") { tool["description"] = .string(description) }
        if let attributes = try fields.parameterMap("attributes") { tool["attributes"] = .object(attributes) }
        if let parameters = try fields.parameterMap("parameters") { tool["parameters"] = .object(parameters) }
        tool["include_output_in_agent_response"] = .bool(try fields.bool("include_output_in_agent_response") ?? false)
        if let config = try fields.parameterMap("config") { tool["config"] = .object(config) }
        if let tenant = try fields.string("tenant_id") { tool["tenant_id"] = .string(tenant) }
        return tool
    }

    private static func parseMemory(_ object: JSONObject?, profile: VersionProfile) throws(OpenSearchError) -> JSONObject? {
        guard let object else { return nil }
        let fields = RequestObject(object)
        // ml-commons' own wording for a memory without a type.
        guard let type = try fields.string("type") else { throw .illegalArgument("agent name is null") }
        var memory: JSONObject = ["type": .string(type)]
        if let window = try fields.int("window_size") { memory["window_size"] = .number(JSONNumber(window)) }
        if let session = try fields.string("session_id") { memory["session_id"] = .string(session) }
        if profile.agentMemoryContainers, let container = try fields.string("memory_container_id") {
            memory["memory_container_id"] = .string(container)
        }
        return memory
    }

    /// `MLAgentRegistrationValidator`: a V2 agent needs agentic memory.
    private func validateV2Memory() throws(OpenSearchError) {
        guard let type = memory?["type"]?.stringValue else {
            throw .illegalArgument(
                "V2 agents (CONVERSATIONAL_V2) require memory configuration. Please configure 'memory' with type 'agentic_memory' or 'remote_agentic_memory'.")
        }
        if type.lowercased() == "conversation_index" {
            throw .illegalArgument(
                "V2 agents (CONVERSATIONAL_V2) are not compatible with conversation_index memory. Found memory type: \(type). Please use 'agentic_memory' or 'remote_agentic_memory' instead.")
        }
    }

    /// The stored document, in `MLAgent.toXContent` order.
    public func document(now: Int64) -> JSONObject {
        var doc = JSONObject()
        if let name { doc["name"] = .string(name) }
        if let type { doc["type"] = .string(type) }
        if let description { doc["description"] = .string(description) }
        if let llm { doc["llm"] = .object(llm) }
        if let model { doc["model"] = .object(model.sanitised) }
        if let tools, !tools.isEmpty { doc["tools"] = .array(tools.map(JSONValue.object)) }
        if let parameters, !parameters.isEmpty { doc["parameters"] = .object(parameters) }
        if let memory { doc["memory"] = .object(memory) }
        doc["created_time"] = .number(JSONNumber(Int(now)))
        doc["last_updated_time"] = .number(JSONNumber(Int(now)))
        if let appType { doc["app_type"] = .string(appType) }
        doc["is_hidden"] = .bool(false)
        if let tenantID { doc["tenant_id"] = .string(tenantID) }
        return doc
    }

    /// `MLAgent.toXContent` order, for documents rebuilt by updates.
    public static let fieldOrder = [
        "name", "type", "description", "llm", "model", "tools", "parameters", "memory", "created_time", "last_updated_time",
        "app_type", "is_hidden", "tenant_id",
    ]
}

extension String {
    /// The string without leading and trailing white space (Java `trim()` for practical input).
    public func trimmingWhitespace() -> String {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
