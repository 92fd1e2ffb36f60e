import MLCommonsCore
import ModelInvocation
import RemoteInference

/// `MLAgentExecutor`: validates the input, prepares conversation memory (memory and root interaction)
/// and runs the agent's runner.
public struct AgentExecutor: Sendable {
    public let conversations: ConversationStore
    public let invoker: any ModelInvoking
    public let makeTool: @Sendable (ToolSpec) throws -> any AgentTool
    /// Runs another agent by id as `_execute` does (a plan-execute-reflect agent's executor).
    public let runAgent: @Sendable (_ agentID: String, _ parameters: [String: String]) async throws -> JSONValue
    /// The tools of an agent's `mcp_connectors` for one run.
    public let loadMCPTools: @Sendable (_ mcpConnectors: String) async throws -> MCPToolBundle

    public init(
        conversations: ConversationStore, invoker: any ModelInvoking, makeTool: @escaping @Sendable (ToolSpec) throws -> any AgentTool,
        runAgent: @escaping @Sendable (_ agentID: String, _ parameters: [String: String]) async throws -> JSONValue,
        loadMCPTools: @escaping @Sendable (_ mcpConnectors: String) async throws -> MCPToolBundle = { _ in MCPToolBundle() }
    ) {
        self.conversations = conversations
        self.invoker = invoker
        self.makeTool = makeTool
        self.runAgent = runAgent
        self.loadMCPTools = loadMCPTools
    }

    /// The memory and root interaction a conversational run writes to, created when not given.
    /// With the security plugin, `user` owns a new memory and must own a given one.
    /// `earlierTurns` (3.5's AG-UI replay of the request's conversation) are stored in a new memory before the root.
    public func prepareMemory(
        _ definition: AgentDefinition, input: [String: String], user: String? = nil,
        earlierTurns: [(question: String, response: String)] = []
    ) async throws -> (memoryID: String, parentInteractionID: String)? {
        guard definition.memoryType == "conversation_index" else { return nil }
        let question = input["question"]
        var memoryID = input["memory_id"]
        if let given = memoryID, user != nil {
            _ = try await conversations.accessibleMemory(given, user: user)
        }
        if memoryID == nil {
            let created = try await conversations.createMemory(name: question, applicationType: definition.appType, user: user)
            for turn in earlierTurns {
                _ = try await conversations.createMessage(
                    memoryID: created, input: turn.question, response: turn.response, origin: nil, additionalInfo: nil,
                    parentMessageID: nil, traceNumber: nil)
            }
            memoryID = created
        }
        guard let memoryID else { return nil }
        if let parent = input["parent_interaction_id"] { return (memoryID, parent) }
        let parent = try await conversations.createMessage(
            memoryID: memoryID, input: question, response: "", origin: nil, additionalInfo: nil, parentMessageID: nil,
            traceNumber: nil)
        return (memoryID, parent)
    }

    /// Checks the input as `MLAgentExecutor.execute` does.
    public static func validate(input: [String: String], definition: AgentDefinition) throws(OpenSearchError) {
        guard !input.isEmpty else { throw .illegalArgument("Agent input data can not be empty.") }
        if input["parent_interaction_id"] != nil, input["regenerate_interaction_id"] != nil {
            throw .illegalArgument(
                "Provide either `parent_interaction_id` to update an existing interaction, or `regenerate_interaction_id` to create a new one.")
        }
        if input["regenerate_interaction_id"] != nil, input["memory_id"] == nil {
            throw .illegalArgument("A memory ID must be provided to regenerate.")
        }
        if definition.type == .conversational, definition.memoryType == nil {
            // ml-commons dereferences the missing memory spec.
            throw OpenSearchError(
                "NullPointerException",
                reason: "Cannot invoke \"org.opensearch.ml.common.agent.MLMemorySpec.getType()\" because the return value of \"org.opensearch.ml.common.agent.MLAgent.getMemory()\" is null",
                status: 500)
        }
    }

    /// Runs the agent; with a `sink` (streaming) the LLM calls stream through it. A failed run leaves its error in
    /// the root interaction's response. `progress` hears a plan-execute-reflect run's executor ids after its first step.
    public func execute(
        _ definition: AgentDefinition, input: [String: String], ids: (memoryID: String, parentInteractionID: String)?,
        sink: (any AgentStreamSink)?, progress: (@Sendable (AgentRunResult.ExecutorIDs) async -> Void)? = nil,
        aguiThread: (id: String, user: String?)? = nil, storage: ConversationalAgentRunner.Storage? = nil
    ) async throws -> AgentRunResult {
        do {
            return try await run(definition, input: input, ids: ids, sink: sink, progress: progress, aguiThread: aguiThread, storage: storage)
        } catch {
            guard !(error is CancellationError) else { throw error }
            let message = "Agent execution failed: " + OpenSearchError(reporting: error).reason
            if let ids {
                try? await conversations.updateMessage(ids.parentInteractionID, response: message, additionalInfo: nil)
            } else if case .agentic(let memory, let parent)? = storage {
                try? await memory.complete(parent, response: message, additionalInfo: nil)
            }
            throw error
        }
    }

    private func run(
        _ definition: AgentDefinition, input: [String: String], ids: (memoryID: String, parentInteractionID: String)?,
        sink: (any AgentStreamSink)?, progress: (@Sendable (AgentRunResult.ExecutorIDs) async -> Void)?,
        aguiThread: (id: String, user: String?)?, storage: ConversationalAgentRunner.Storage?
    ) async throws -> AgentRunResult {
        // Conversational and plan-execute-reflect runs add their MCP servers' tools (flow agents ignore them in 3.3).
        guard [.conversational, .agUI, .planExecuteAndReflect].contains(definition.type),
            let connectors = definition.parameters["mcp_connectors"]
        else {
            return try await run(
                definition, input: input, ids: ids, sink: sink, progress: progress, aguiThread: aguiThread, storage: storage, mcpTools: [])
        }
        return try await loadMCPTools(connectors).use { entries in
            try await run(
                definition, input: input, ids: ids, sink: sink, progress: progress, aguiThread: aguiThread, storage: storage,
                mcpTools: entries)
        }
    }

    private func run(
        _ definition: AgentDefinition, input: [String: String], ids: (memoryID: String, parentInteractionID: String)?,
        sink: (any AgentStreamSink)?, progress: (@Sendable (AgentRunResult.ExecutorIDs) async -> Void)?,
        aguiThread: (id: String, user: String?)?, storage: ConversationalAgentRunner.Storage?, mcpTools: [ToolSet.Entry]
    ) async throws -> AgentRunResult {
        switch definition.type {
        case .agUI:
            // `MLAGUIAgentRunner` (3.9) refuses Gemini first: its stream handler sends text AG-UI cannot carry.
            if invoker.profile.googleCloudConnectors,
                (input["_llm_interface"] ?? definition.parameters["_llm_interface"]) == StreamInterface.geminiGenerateContent.rawValue
            {
                throw OpenSearchError.illegalArgument("AG-UI streaming is not yet supported for the Gemini (google_cloud) LLM interface")
            }
            // An AG-UI run keeps its thread (3.6+), or the prepared memory, or nothing when the agent has none.
            let chosen: ConversationalAgentRunner.Storage
            if let storage { chosen = storage }
            else if let aguiThread { chosen = .thread(memoryID: aguiThread.id, user: aguiThread.user) }
            else if let ids { chosen = .interaction(memoryID: ids.memoryID, parentInteractionID: ids.parentInteractionID) }
            else { chosen = .none }
            let runner = ConversationalAgentRunner(
                definition: definition, invoker: invoker, conversations: conversations, makeTool: makeTool, mcpTools: mcpTools)
            return try await runner.run(input: input, storage: chosen, sink: sink)
        case .conversational:
            if let storage {
                // Agentic memory: the caller opened the session and wrote the root interaction.
                let runner = ConversationalAgentRunner(
                    definition: definition, invoker: invoker, conversations: conversations, makeTool: makeTool, mcpTools: mcpTools)
                return try await runner.run(input: input, storage: storage, sink: sink)
            }
            guard let ids else { throw OpenSearchError.illegalArgument("conversational agents need conversation_index memory") }
            let llmInterface = input["_llm_interface"] ?? definition.parameters["_llm_interface"]
            if llmInterface?.isJavaBlank ?? true {
                // No function calling: the ReAct prompt mode.
                // ml-commons' stream handler reads a `_llm_interface` this mode has not got (a NullPointerException).
                guard sink == nil else { throw InferenceError(message: "Fail to execute streaming", javaClass: "MLException") }
                let runner = ReActAgentRunner(
                    definition: definition, invoker: invoker, conversations: conversations, makeTool: makeTool, mcpTools: mcpTools)
                return try await runner.run(input: input, memoryID: ids.memoryID, parentInteractionID: ids.parentInteractionID)
            }
            let runner = ConversationalAgentRunner(
                definition: definition, invoker: invoker, conversations: conversations, makeTool: makeTool, mcpTools: mcpTools)
            return try await runner.run(input: input, memoryID: ids.memoryID, parentInteractionID: ids.parentInteractionID, sink: sink)
        case .flow, .conversationalFlow:
            let runner = FlowAgentRunner(definition: definition, conversations: conversations, makeTool: makeTool)
            return try await runner.run(input: input, memoryID: ids?.memoryID, parentInteractionID: ids?.parentInteractionID)
        case .conversationalV2:
            throw ConversationalV2AgentRunner.needsExecutorMemory
        case .planExecuteAndReflect:
            guard let ids else {
                // 3.3 casts the missing memory's factory.
                throw OpenSearchError("NullPointerException", reason: "Cannot invoke \"org.opensearch.ml.common.agent.MLMemorySpec.getType()\" because the return value of \"org.opensearch.ml.common.agent.MLAgent.getMemory()\" is null", status: 500)
            }
            let runner = PlanExecuteReflectAgentRunner(
                definition: definition, invoker: invoker, conversations: conversations, makeTool: makeTool, runAgent: runAgent,
                mcpTools: mcpTools)
            return try await runner.run(input: input, memoryID: ids.memoryID, parentInteractionID: ids.parentInteractionID, progress: progress)
        }
    }
}
