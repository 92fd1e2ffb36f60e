import Agents
import MLCommonsCore

/// `_execute` of a `conversational_v2` agent (3.6+, `MLAgentExecutor.executeV2Agent`): its session in agentic
/// memory, the input saved as structured messages before the model runs, the run, then its messages saved.
struct ConversationalV2Service: Sendable {
    let emulator: Emulator
    let executor: AgentExecutor

    /// The request as the executor reads it for a V2 agent: `parameters` alone (the agent's are not merged) and
    /// the parsed `input`.
    struct Request: Sendable {
        var parameters: [String: String]
        var input: AgentStandardInput?
        var user: SecurityUser?
    }

    /// A run ready to go: its session, the conversation (history, then the saved input) and the next message id.
    struct Prepared: Sendable {
        var memory: StructuredMessageMemory
        var conversation: [UnifiedMessage]
        var nextMessageID: Int32
    }

    /// Opens the session and saves the input; what is left to run, or the error a V2 agent answers.
    func prepare(_ definition: AgentDefinition, _ request: Request) async throws -> Prepared {
        var parameters = request.parameters
        if request.input == nil, parameters.isEmpty { throw OpenSearchError.illegalArgument("Agent input data can not be empty.") }
        if !parameters.isEmpty { try AgentExecutor.validate(input: parameters, definition: definition) }
        let remote = definition.memoryType == "remote_agentic_memory" || parameters["memory_configuration"] != nil
        if remote {
            guard emulator.settings.isEnabled(MLCommonsSettings.remoteAgenticMemoryEnabled) else {
                throw OpenSearchError.statusException(
                    "The remote agentic memory feature is not enabled. To enable, please update the setting plugins.ml_commons.remote_agentic_memory_enabled",
                    status: 403)
            }
            throw OpenSearchError(
                "EmulatorNotImplementedException",
                reason: "remote_agentic_memory is not emulated; register the agent with agentic_memory and a memory container", status: 501)
        }
        guard parameters["memory_id"] == nil || parameters["parent_interaction_id"] == nil else { throw ConversationalV2AgentRunner.needsExecutorMemory }
        let containerID = try AgenticSession.containerID(of: definition, input: parameters)
        let memory = StructuredMessageMemory(session: try await AgenticSession.open(
            containerID: containerID, memoryID: parameters["memory_id"], summary: parameters["question"], owner: request.user,
            emulator: emulator))
        parameters["memory_id"] = memory.sessionID
        // A run without `input` takes the V1 path, which V2 runners refuse.
        guard let input = request.input else { throw ConversationalV2AgentRunner.needsExecutorMemory }
        let turn = try input.unifiedMessages()
        try await AgentTools.requireMCPConnectorsAllowed(definition, emulator)
        let stored = try await memory.messages()
        let history = try UnifiedMessage.recent(stored.map(\.message), parameters: parameters)
        let next = try await memory.save(turn, from: (stored.last?.id ?? -1) &+ 1)
        return Prepared(memory: memory, conversation: history + turn, nextMessageID: next)
    }

    /// Runs the conversation and saves what it added; the execute API's body.
    func run(_ definition: AgentDefinition, _ prepared: Prepared, parameters: [String: String]) async throws -> JSONObject {
        let memory = prepared.memory
        var parameters = parameters
        parameters["memory_id"] = memory.sessionID
        // MCP servers that fail to answer leave the agent its own tools.
        var bundle = MCPToolBundle()
        if let connectors = definition.parameters["mcp_connectors"], let loaded = try? await executor.loadMCPTools(connectors) {
            bundle = loaded
        }
        let outcome = try await bundle.use { entries in
            try await ConversationalV2AgentRunner(
                definition: definition, invoker: executor.invoker, makeTool: executor.makeTool, mcpTools: entries
            ).run(conversation: prepared.conversation, parameters: parameters)
        }
        try await memory.save(outcome.newMessages, from: prepared.nextMessageID)
        return AgentV2Output(stopReason: outcome.stopReason, message: outcome.answer, memoryID: memory.sessionID, usage: outcome.usage).json
    }

    /// `?async=true`: the task stored CREATED with the session, answered RUNNING. A failed run marks the task FAILED;
    /// a finished one cannot be written into it (ml-commons puts its `Message`, which is not XContent, in the update),
    /// so the task keeps its state while the messages reach memory.
    func startAsync(_ definition: AgentDefinition, _ prepared: Prepared, parameters: [String: String]) async throws -> JSONObject {
        let (taskID, answer) = try await AgentExecuteRoutes.storeAgentTask(response: ["memory_id": .string(prepared.memory.sessionID)], emulator)
        var given = parameters
        given["task_id"] = taskID
        emulator.backgroundRuns.start { [given] in
            do {
                _ = try await self.run(definition, prepared, parameters: given)
            } catch {
                await AgentExecuteRoutes.updateTask(
                    taskID, state: .failed, response: ["error_message": .string(OpenSearchError(reporting: error).reason)], self.emulator)
            }
        }
        return answer
    }
}
