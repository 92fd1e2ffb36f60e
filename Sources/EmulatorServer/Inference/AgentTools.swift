import Agents
import MLCommonsCore
import ModelInvocation
import RemoteInference

/// The tools the emulator can build for agents, by type.
enum AgentTools {
    /// Builds a tool for a spec through the registry (ml-commons' message for an unknown type).
    static func factory(_ emulator: Emulator) -> @Sendable (ToolSpec) throws -> any AgentTool {
        let context = context(emulator)
        return { spec in try ToolRegistry.make(spec, context: context) }
    }

    /// What a tool reaches on this node: its documents and its models' predictions.
    static func context(_ emulator: Emulator) -> ToolContext {
        let invoker = emulator.invoker
        return ToolContext(
            documents: emulator.documents, profile: emulator.profile,
            predict: { modelID, parameters in
                try await invoker.predict(modelID: modelID, requestParameters: RequestParameters.escaped(parameters))
            },
            runAgent: { agentID, parameters in try await runAgent(agentID, parameters, emulator) },
            executeConnector: { connectorID, parameters in
                try await invoker.executeConnector(connectorID, requestParameters: RequestParameters.escaped(parameters))
            },
            web: emulator.directTransport)
    }

    /// The agent executor of this node: its memory, its models, its tools, and its agents for agents that run agents.
    static func executor(_ emulator: Emulator) -> AgentExecutor {
        AgentExecutor(
            conversations: emulator.conversations, invoker: emulator.invoker, makeTool: factory(emulator),
            runAgent: { agentID, parameters in try await runAgent(agentID, parameters, emulator) },
            loadMCPTools: { connectors in try await MCPToolService(emulator: emulator).tools(for: connectors) })
    }

    /// `MLAgentExecutor`'s check of an agent with `mcp_connectors` while their flag is off.
    static func requireMCPConnectorsAllowed(_ definition: AgentDefinition, _ emulator: Emulator) async throws {
        guard definition.parameters["mcp_connectors"] != nil,
            !emulator.settings.isEnabled(MLCommonsSettings.mcpConnectorEnabled)
        else { return }
        throw OpenSearchError(
            "OpenSearchException",
            reason: "The MCP connector is not enabled. To enable, please update the setting plugins.ml_commons.mcp_connector_enabled",
            status: 500)
    }

    /// How deep agents may call agents: an agent whose AgentTool names itself would never end.
    static let maximumAgentDepth = 8
    @TaskLocal static var agentDepth = 0

    /// `_execute` of an agent from inside a tool: its memory prepared as for a request, its output tensors.
    static func runAgent(_ agentID: String, _ parameters: [String: String], _ emulator: Emulator) async throws -> JSONValue {
        guard agentDepth < maximumAgentDepth else {
            throw OpenSearchError.illegalState("agents called agents \(maximumAgentDepth) deep through AgentTool or an executor agent; the emulator stops here")
        }
        let definition = try await AgentExecuteRoutes.definition(agentID, emulator)
        try AgentExecutor.validate(input: parameters, definition: definition)
        let executor = executor(emulator)
        return try await $agentDepth.withValue(agentDepth + 1) {
            let ids = try await executor.prepareMemory(definition, input: parameters)
            try await requireMCPConnectorsAllowed(definition, emulator)
            return try await executor.execute(definition, input: parameters, ids: ids, sink: nil).output(verbose: false)
        }
    }
}
