import Agents
import MLCommonsCore

extension AgentExecuteRoutes {
    /// An AG-UI run of an agent registered with a `model` block: every request message mapped to the provider
    /// (`mapMessages`), the question alone in `question`, no traces. On a 3.6+ thread with memory
    /// (`performInitialMemoryOperations`) the thread's history goes first as `_chat_history`, the request's earlier
    /// turns are stored as pairs and its last question as a pending interaction the answer completes, and the context
    /// is put before the latest user text.
    static func runUnifiedAGUI<Encoder: AgentStreamEncoder>(
        _ agui: AGUIRunInput, input: [String: String], provider: ModelProvider, user: String?, definition: AgentDefinition,
        executor: AgentExecutor, emulator: Emulator, sink: ExecuteStreamSink<Encoder>
    ) async throws {
        var input = input
        var messages = agui.unifiedMessages
        input["uses_unified_interface"] = "true"
        input[RequestParameters.noEscapeParametersKey] = ModelProvider.mappedBodyNoEscapeParameters
        input["disable_trace"] = "true"
        if emulator.profile.agUIThreadIsMemory, definition.memoryType == "conversation_index", let thread = agui.threadID {
            let conversations = emulator.conversations
            let history = try UnifiedMessage.recent(
                UnifiedMessage.fromInteractions(try await conversations.threadInteractions(memoryID: thread, limit: 10_000, user: user)),
                parameters: input)
            let turns = UnifiedMessage.conversationTurns(messages)
            for pair in turns.pairs {
                try await conversations.createThreadMessage(memoryID: thread, input: pair.question, response: pair.response, origin: nil, user: user)
            }
            var pending: String?
            if let question = turns.pending {
                pending = try await conversations.createThreadMessage(memoryID: thread, input: question, response: "", origin: nil, user: user)
            }
            messages = UnifiedMessage.withContext(messages, context: agui.context)
            if !history.isEmpty { input["_chat_history"] = try provider.messagesBody(history) + ", " }
            input["body"] = try provider.messagesBody(messages)
            try await AgentTools.requireMCPConnectorsAllowed(definition, emulator)
            _ = try await executor.execute(
                definition, input: input, ids: nil, sink: sink, storage: .structured(memoryID: thread, pendingInteractionID: pending))
            return
        }
        input["body"] = try provider.messagesBody(messages)
        let ids = try await executor.prepareMemory(definition, input: input, user: user)
        try await AgentTools.requireMCPConnectorsAllowed(definition, emulator)
        _ = try await executor.execute(definition, input: input, ids: ids, sink: sink)
    }
}
