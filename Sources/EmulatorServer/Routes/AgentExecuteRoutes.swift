import Foundation
import Agents
import MLCommonsCore
import RemoteInference

/// `POST /_plugins/_ml/agents/{agent_id}/_execute` and `/_execute/stream`.
enum AgentExecuteRoutes {
    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        let executor = AgentTools.executor(emulator)

        routes.add("POST", "\(APIPath.agents)/{agent_id}/_execute", query: ["async", "verbose"]) { request in
            try await emulator.requireAgentFramework()
            let body = try request.jsonBody()
            if aguiInput(body, emulator) != nil {
                guard emulator.settings.isEnabled(MLCommonsSettings.agUIEnabled) else {
                    throw OpenSearchError.illegalState(aguiDisabled)
                }
                let agentID = request.parameter("agent_id")
                throw OpenSearchError.illegalArgument(
                    "AG-UI agents require streaming execution. Please use the streaming endpoint: POST /_plugins/_ml/agents/\(agentID)/_execute/stream")
            }
            var input = try inputParameters(body)
            let standardInput = try standardInput(body, emulator)
            if standardInput != nil { try await UnifiedAgentService(emulator: emulator).requireStandardInputAllowed() }
            do {
                let definition = try await definition(request.parameter("agent_id"), emulator)
                if definition.type == .conversationalV2 {
                    let service = ConversationalV2Service(emulator: emulator, executor: executor)
                    let prepared = try await service.prepare(definition, .init(parameters: input, input: standardInput, user: request.user))
                    input["agent_id_log"] = request.parameter("agent_id")
                    if request.flag("async") { return .json(.object(try await service.startAsync(definition, prepared, parameters: input))) }
                    return .json(.object(try await service.run(definition, prepared, parameters: input)))
                }
                try UnifiedAgentService.apply(standardInput, to: &input, definition: definition, profile: emulator.profile)
                // 3.6+ runs unified agents on structured messages: the turn is stored, its steps are not traced.
                let structured = definition.modelProvider != nil && emulator.profile.unifiedAgentsUseStructuredMessages
                if structured { input["disable_trace"] = "true" }
                try AgentExecutor.validate(input: input, definition: definition)
                let (ids, storage) = try await prepareMemory(definition, input: input, user: request.user, executor, emulator)
                try await AgentTools.requireMCPConnectorsAllowed(definition, emulator)
                let verbose = request.flag("verbose") || input["verbose"] == "true"
                if request.flag("async") {
                    return .json(try await startAsync(definition, input: input, ids: ids, storage: storage, verbose: verbose, executor, emulator))
                }
                var result = try await executor.execute(definition, input: input, ids: ids, sink: nil, storage: storage)
                if structured { result.parentInteractionID = nil }
                return .json(result.output(verbose: verbose))
            } catch let error as OpenSearchError {
                // Transport failures of the execute API use their own body (envelope b).
                return RESTResponse(status: error.status, body: .json(error.executeEnvelope))
            }
        }

        routes.add("POST", "\(APIPath.agents)/{agent_id}/_execute/stream") { request in
            try await requireMCPHeaderPassthrough(request, emulator)
            try await emulator.requireStreaming()
            let agentID = request.parameter("agent_id")
            guard let stored = try await emulator.documents.document(SystemIndex.agent, id: agentID),
                let definition = try? AgentDefinition(document: stored.source, profile: emulator.profile)
            else {
                throw OpenSearchError.statusException("Failed to find agent with the provided agent id: \(agentID)", status: 404)
            }
            if definition.type == .conversationalV2 {
                throw OpenSearchError.illegalArgument(
                    "V2 agents (CONVERSATIONAL_V2) do not support streaming. Please use the non-streaming execute endpoint: POST /_plugins/_ml/agents/\(agentID)/_execute")
            }
            if let modelID = definition.modelID {
                _ = try await emulator.invoker.findModel(modelID)
            }
            return EventStreamResponse.response { writer in
                try await stream(request, definition: definition, executor: executor, emulator: emulator, writer: writer)
            }
        }
    }

    /// The execute-stream pipeline after the 200 (§1.6, §1.9).
    static func stream(
        _ request: RESTRequest, definition: AgentDefinition, executor: AgentExecutor, emulator: Emulator, writer: StreamWriter
    ) async throws {
        let sink = ExecuteStreamSink(writer: writer, encoder: ExecuteStreamMapper(profile: emulator.profile))
        do {
            guard emulator.settings.isEnabled(MLCommonsSettings.agentFrameworkEnabled) else {
                throw OpenSearchError.illegalState(
                    "Agent Framework is currently disabled. To enable it, update the setting \"plugins.ml_commons.agent_framework_enabled\" to true.")
            }
            let body = try request.jsonBody()
            if let agui = aguiInput(body, emulator) {
                try await requireAGUI(emulator)
                return try await streamAGUI(
                    agui, user: request.user?.name, definition: definition, executor: executor, emulator: emulator, writer: writer)
            }
            var input = try inputParameters(body)
            input["stream"] = "true"
            try UnifiedAgentService.apply(nil, to: &input, definition: definition, profile: emulator.profile)
            try AgentExecutor.validate(input: input, definition: definition)
            let (ids, storage) = try await prepareMemory(definition, input: input, user: request.user, executor, emulator)
            try await AgentTools.requireMCPConnectorsAllowed(definition, emulator)
            await sink.identify(
                memoryID: ids?.memoryID ?? storage?.memoryID ?? "", parentInteractionID: ids?.parentInteractionID ?? storage?.parentInteractionID ?? "")
            _ = try await executor.execute(definition, input: input, ids: ids, sink: sink, storage: storage)
        } catch is StreamWriter.ClientGone {
            return
        } catch {
            await sink.fail(error)
        }
    }

    /// An AG-UI run (3.5+): `RUN_STARTED` at once, then the agent's events as AG-UI events.
    static func streamAGUI(
        _ agui: AGUIRunInput, user: String?, definition: AgentDefinition, executor: AgentExecutor, emulator: Emulator, writer: StreamWriter
    ) async throws {
        let encoder = AGUIStreamMapper(input: agui, llmInterface: definition.parameters["_llm_interface"], profile: emulator.profile)
        let sink = ExecuteStreamSink(writer: writer, encoder: encoder)
        do {
            try await sink.open()
            let hasMemory = definition.memoryType == "conversation_index"
            guard !agui.messages.isEmpty else {
                guard emulator.profile.agUIThreadIsMemory else {
                    throw OpenSearchError.illegalArgument("Input type not supported. Expected String, List<ContentBlock>, or List<Message>")
                }
                // An empty conversation asks for the thread's history.
                try await sink.emit(.messagesSnapshot(try await threadSnapshot(hasMemory ? agui.threadID : nil, user: user, emulator)))
                return
            }
            var input = try agui.parameters(profile: emulator.profile, unified: definition.modelProvider != nil)
            input["stream"] = "true"
            input["agent_type"] = "ag_ui"
            try AgentExecutor.validate(input: input, definition: definition)
            if let provider = definition.modelProvider {
                try await runUnifiedAGUI(agui, input: input, provider: provider, user: user, definition: definition, executor: executor, emulator: emulator, sink: sink)
                return
            }
            if emulator.profile.agUIThreadIsMemory, hasMemory, let thread = agui.threadID {
                try await AgentTools.requireMCPConnectorsAllowed(definition, emulator)
                _ = try await executor.execute(definition, input: input, ids: nil, sink: sink, aguiThread: (thread, user))
                return
            }
            // 3.5 starts a conversation each run, the request's earlier turns stored in it first.
            let turns = emulator.profile.agUIThreadIsMemory ? [] : UnifiedMessage.conversationTurns(agui.unifiedMessages).pairs
            let ids = try await executor.prepareMemory(definition, input: input, user: user, earlierTurns: turns)
            try await AgentTools.requireMCPConnectorsAllowed(definition, emulator)
            _ = try await executor.execute(definition, input: input, ids: ids, sink: sink)
        } catch is StreamWriter.ClientGone {
            return
        } catch {
            await sink.fail(error)
        }
    }

    /// The last ten messages of a thread's interactions (a user message for each input, an assistant message for each
    /// answer), as `convertToAGUIFormat` writes them (a `HashMap`: `role`, `id`, `content`; a new id each load).
    static func threadSnapshot(_ thread: String?, user: String?, _ emulator: Emulator) async throws -> [JSONValue] {
        guard let thread else { return [] }
        var messages: [JSONValue] = []
        for pair in try await emulator.conversations.threadInteractions(memoryID: thread, limit: 10_000, user: user) {
            for (role, text) in [("user", pair.input), ("assistant", pair.response)] {
                guard let text, !text.isJavaBlank else { continue }
                messages.append(["role": .string(role), "id": .string(UUID().uuidString.lowercased()), "content": .string(text)])
            }
        }
        return Array(messages.suffix(10))
    }

    /// The body as an AG-UI `RunAgentInput`, in a release that knows AG-UI.
    static func aguiInput(_ body: JSONValue?, _ emulator: Emulator) -> AGUIRunInput? {
        guard emulator.profile.agUI, let body else { return nil }
        return AGUIRunInput(body: body)
    }

    static let aguiDisabled =
        "The AG-UI agent feature is not enabled. To enable, please update the setting plugins.ml_commons.ag_ui_enabled"

    /// The AG-UI flag, checked while the body is read (so a stream reports it in the plain error form).
    static func requireAGUI(_ emulator: Emulator) async throws {
        guard emulator.settings.isEnabled(MLCommonsSettings.agUIEnabled) else {
            throw OpenSearchError.illegalArgument(aguiDisabled)
        }
    }

    /// The headers an MCP connector may pass through to its server (`McpHeaderPassthroughUtils`).
    static let mcpPassthroughHeaders: Set<String> = [
        "aws-access-key-id", "aws-secret-access-key", "aws-session-token", "aws-region", "aws-service-name", "opensearch-url",
    ]

    /// 3.5+ refuses them while their flag is off, before any other check of the stream API (#4544).
    static func requireMCPHeaderPassthrough(_ request: RESTRequest, _ emulator: Emulator) async throws {
        guard emulator.profile.mcpPassthroughHeaderPrecheck,
            request.headers.contains(where: { mcpPassthroughHeaders.contains($0.name.lowercased()) }),
            !emulator.settings.isEnabled(MLCommonsSettings.mcpHeaderPassthroughEnabled)
        else { return }
        throw OpenSearchError.illegalArgument(
            "MCP header passthrough is not enabled. To enable, please update the setting: plugins.ml_commons.mcp_header_passthrough_enabled")
    }

    /// The unified API's top-level `input` (3.5+); earlier releases ignore the field.
    static func standardInput(_ body: JSONValue?, _ emulator: Emulator) throws -> AgentStandardInput? {
        guard emulator.profile.unifiedAgentAPI, let value = try RequestObject(body ?? [:]).object["input"] else {
            return nil
        }
        return try AgentStandardInput(parsing: value, profile: emulator.profile)
    }

    /// `{"parameters":{…}}` as ml-commons' string map.
    static func inputParameters(_ body: JSONValue?) throws(OpenSearchError) -> [String: String] {
        guard let parameters = try RequestObject(body ?? [:]).object("parameters") else { return [:] }
        return RequestParameters.stringMap(parameters)
    }

    static func definition(_ agentID: String, _ emulator: Emulator) async throws -> AgentDefinition {
        switch try await emulator.documents.lookup(SystemIndex.agent, id: agentID) {
        case .found(let stored): return try AgentDefinition(document: stored.source, profile: emulator.profile)
        case .noIndex: throw OpenSearchError.resourceNotFound("Agent index not found")
        case .noDocument:
            throw OpenSearchError.statusException("Failed to find agent with the provided agent id: \(agentID)", status: 404)
        }
    }

    /// The memory a run writes to: a conversation (`conversation_index`) or, for a conversational agent on
    /// `agentic_memory`, its container's session with the root interaction written.
    static func prepareMemory(
        _ definition: AgentDefinition, input: [String: String], user: SecurityUser?, _ executor: AgentExecutor, _ emulator: Emulator
    ) async throws -> (ids: (memoryID: String, parentInteractionID: String)?, storage: ConversationalAgentRunner.Storage?) {
        guard definition.type == .conversational, definition.memoryType == "agentic_memory" else {
            return (try await executor.prepareMemory(definition, input: input, user: user?.name), nil)
        }
        let (memory, parent) = try await AgenticInteractionMemory.prepare(definition, input: input, user: user, emulator: emulator)
        return (nil, .agentic(memory: memory, parentInteractionID: parent))
    }

    /// `?async=true`: a RUNNING task answered at once, completed when the run ends.
    static func startAsync(
        _ definition: AgentDefinition, input: [String: String], ids: (memoryID: String, parentInteractionID: String)?,
        storage: ConversationalAgentRunner.Storage?, verbose: Bool, _ executor: AgentExecutor, _ emulator: Emulator
    ) async throws -> JSONValue {
        var response = JSONObject()
        if let memoryID = ids?.memoryID ?? storage?.memoryID {
            response["memory_id"] = .string(memoryID)
            if let parent = ids?.parentInteractionID ?? storage?.parentInteractionID { response["parent_interaction_id"] = .string(parent) }
        }
        let (taskID, answer) = try await storeAgentTask(response: response, emulator)
        emulator.backgroundRuns.start {
            do {
                let result = try await executor.execute(definition, input: input, ids: ids, sink: nil, progress: { executorIDs in
                    var response = JSONObject()
                    if let id = executorIDs.memoryID { response["executor_agent_memory_id"] = .string(id) }
                    if let id = executorIDs.parentInteractionID { response["executor_agent_parent_interaction_id"] = .string(id) }
                    await updateTask(taskID, state: .running, response: response, emulator)
                }, storage: storage)
                await updateTask(
                    taskID, state: .completed, response: ["inference_results": result.output(verbose: verbose)["inference_results"] ?? .null],
                    emulator)
            } catch {
                await updateTask(taskID, state: .failed, response: ["error_message": .string(OpenSearchError(reporting: error).reason)], emulator)
            }
        }
        return .object(answer)
    }
}

extension AgentExecuteRoutes {
    /// An async agent run's task, stored CREATED while the answer says RUNNING, as `MLAgentExecutor` does; its id and
    /// the answer (`task_id`, `status`, and `response` when there is one).
    static func storeAgentTask(response: JSONObject, _ emulator: Emulator) async throws -> (taskID: String, answer: JSONObject) {
        let taskID = emulator.ids.next()
        let task = TaskDocument.make(
            modelID: nil, type: "AGENT_EXECUTION", functionName: "AGENT", state: .created,
            workerNode: emulator.node.nodeID, isAsync: true, now: emulator.nowMillis(), response: response.isEmpty ? nil : response)
        _ = try await emulator.documents.put(SystemIndex.task, id: taskID, source: task)
        var answer: JSONObject = ["task_id": .string(taskID), "status": .string(TaskState.running.rawValue)]
        if !response.isEmpty { answer["response"] = .object(response) }
        return (taskID, answer)
    }

    /// `updateMLTaskDirectly`: the state, and `response` merged into the stored one (a run stopped by a reset leaves
    /// no task behind in the wiped store).
    static func updateTask(_ taskID: String, state: TaskState, response: JSONObject, _ emulator: Emulator) async {
        guard !Task.isCancelled else { return }
        let now = emulator.nowMillis()
        _ = try? await emulator.documents.update(SystemIndex.task, id: taskID) { source in
            TaskDocument.updated(source, state: state, response: response, now: now)
        }
    }
}

/// Writes an agent run's events through its stream encoder (`inference_results` chunks or AG-UI events).
actor ExecuteStreamSink<Encoder: AgentStreamEncoder>: AgentStreamSink {
    private let writer: StreamWriter
    private var encoder: Encoder

    init(writer: StreamWriter, encoder: Encoder) {
        self.writer = writer
        self.encoder = encoder
    }

    /// Writes what the encoder sends before the run (AG-UI's `RUN_STARTED`).
    func open() async throws {
        for chunk in encoder.opening() { try await writer.write(chunk.bytes) }
    }

    /// The ids every later chunk carries (empty until the run's memory exists).
    func identify(memoryID: String, parentInteractionID: String) {
        encoder.identify(memoryID: memoryID, parentInteractionID: parentInteractionID)
    }

    func emit(_ event: AgentStreamEvent) async throws {
        for chunk in encoder.encode(event) { try await writer.write(chunk.bytes) }
    }

    /// Ends the stream with the encoder's failure chunks, if the stream is still open and the client still there.
    func fail(_ error: any Error) async {
        for chunk in encoder.encodeFailure(error) { try? await writer.write(chunk.bytes) }
    }
}
