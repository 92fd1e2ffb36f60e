import MLCommonsCore

/// `flow` and `conversational_flow` agents (`MLFlowAgentRunner`): the tools run in order, each able to
/// read the earlier outputs as `${parameters.<tool>.output}`.
public struct FlowAgentRunner: Sendable {
    public let definition: AgentDefinition
    public let conversations: ConversationStore
    public let makeTool: @Sendable (ToolSpec) throws -> any AgentTool

    public init(definition: AgentDefinition, conversations: ConversationStore, makeTool: @escaping @Sendable (ToolSpec) throws -> any AgentTool) {
        self.definition = definition
        self.conversations = conversations
        self.makeTool = makeTool
    }

    public func run(input: [String: String], memoryID: String?, parentInteractionID: String?) async throws -> AgentRunResult {
        guard !definition.tools.isEmpty else { throw OpenSearchError.illegalArgument("no tool configured") }
        var parameters = definition.parameters.merging(input) { _, given in given }
        var result = AgentRunResult(memoryID: memoryID, parentInteractionID: parentInteractionID)
        var additionalInfo = JSONObject()
        for (index, spec) in definition.tools.enumerated() {
            let tool = try makeTool(spec)
            let toolParameters = try Self.toolParameters(parameters, spec)
            let output = try await tool.run(toolParameters)
            let name = spec.effectiveName
            // `parseResponse`, then `prepareJsonValue`: text that is not JSON is escaped for the next tool's templates.
            let response = output.responseText
            parameters["\(name).output"] = JSONEscaping.isJSON(response) ? response : JSONEscaping.escapeJson(response)
            guard spec.includeOutputInAgentResponse || index == definition.tools.count - 1 else { continue }
            if case .json(let document) = output, let tensors = document["inference_results"]?.arrayValue?.first?["output"]?.arrayValue {
                result.toolResults += tensors
            } else if case .modelTensors = output {
                // A `ModelTensorOutput`'s first tensors go into the answer as they are.
                result.toolResults += output.tensors
            } else {
                // `StringUtils.toJson(output)`: a String comes out as a quoted JSON string.
                result.toolResults.append(["name": .string(name), "result": .string(JSONValue.string(output.text).gsonText)])
            }
            additionalInfo["\(name).output"] = .string(response)
        }
        if let memoryID, let parentInteractionID, definition.memoryType != nil {
            _ = memoryID
            try await conversations.updateMessage(parentInteractionID, response: "", additionalInfo: additionalInfo)
        }
        return result
    }

    /// `ToolUtils.buildToolParameters`: the run's parameters with the spec's own (rendered) on top.
    static func toolParameters(_ parameters: [String: String], _ spec: ToolSpec) throws -> [String: String] {
        var merged = parameters
        let substitution = StringSubstitution.parameters(parameters)
        for (key, value) in spec.parameters { merged[key] = try substitution.replace(value) }
        for (key, value) in spec.config { merged[key] = value }
        return merged
    }
}
