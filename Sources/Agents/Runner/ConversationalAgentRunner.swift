import MLCommonsCore
import ModelInvocation
import RemoteInference

/// The conversational agent with function calling (`MLChatAgentRunner.runReAct` with a
/// `FunctionCalling`): LLM step, tool step, LLM step… until a final answer or `max_iteration` steps.
public struct ConversationalAgentRunner: Sendable {
    public static let defaultMaxIterations = 10
    public static let defaultHistoryLimit = 10

    public let definition: AgentDefinition
    public let invoker: any ModelInvoking
    public let conversations: ConversationStore
    public let makeTool: @Sendable (ToolSpec) throws -> any AgentTool
    /// The tools the agent's MCP servers offer this run.
    public let mcpTools: [ToolSet.Entry]

    public init(
        definition: AgentDefinition, invoker: any ModelInvoking, conversations: ConversationStore,
        makeTool: @escaping @Sendable (ToolSpec) throws -> any AgentTool, mcpTools: [ToolSet.Entry] = []
    ) {
        self.definition = definition
        self.invoker = invoker
        self.conversations = conversations
        self.makeTool = makeTool
        self.mcpTools = mcpTools
    }

    /// Where a run keeps its conversation.
    public enum Storage: Sendable {
        /// A memory and the run's root interaction: traces under it, the answer on it.
        case interaction(memoryID: String, parentInteractionID: String)
        /// An AG-UI thread used as the memory (3.6+): each step a root interaction of the thread, the question and its
        /// answer one more (a streamed answer too); with the security plugin, `user` must own it when it is a memory.
        case thread(memoryID: String, user: String?)
        /// A unified agent's thread (AG-UI, 3.6+): the caller has stored the request's turns and mapped the history;
        /// no traces, and the answer completes the pending interaction of the request's last question, if any.
        case structured(memoryID: String, pendingInteractionID: String?)
        /// An agentic memory session (3.5+): the root interaction, its traces and its answer as the container's working
        /// memory.
        case agentic(memory: any AgenticInteractions, parentInteractionID: String)
        /// No memory: no history, nothing stored.
        case none

        public var memoryID: String? {
            switch self {
            case .interaction(let memoryID, _), .thread(let memoryID, _), .structured(let memoryID, _): return memoryID
            case .agentic(let memory, _): return memory.sessionID
            case .none: return nil
            }
        }

        /// The root interaction the run's traces hang under and its answer completes.
        public var parentInteractionID: String? {
            switch self {
            case .interaction(_, let parent), .agentic(_, let parent): return parent
            case .thread, .structured, .none: return nil
            }
        }

        /// The interaction an answer completes without traces.
        var pendingInteractionID: String? {
            if case .structured(_, let pending) = self { return pending }
            return nil
        }

        var isStructured: Bool {
            if case .structured = self { return true }
            return false
        }

        /// For an AG-UI thread, its user (itself optional); nil for other storage.
        var threadUser: String?? {
            if case .thread(_, let user) = self { return .some(user) }
            return .none
        }
    }

    /// Runs one question. `memoryID` and `parentInteractionID` are the memory and root interaction
    /// the executor prepared; with a `sink` the LLM calls stream and the final answer is not stored (§1.9).
    public func run(
        input: [String: String], memoryID: String, parentInteractionID: String, sink: (any AgentStreamSink)?
    ) async throws -> AgentRunResult {
        try await run(input: input, storage: .interaction(memoryID: memoryID, parentInteractionID: parentInteractionID), sink: sink)
    }

    /// Runs one question, keeping the conversation as `storage` says.
    public func run(input: [String: String], storage: Storage, sink: (any AgentStreamSink)?) async throws -> AgentRunResult {
        guard let modelID = definition.modelID else { throw OpenSearchError.illegalArgument("model id is null") }
        var parameters = definition.parameters.merging(input) { _, given in given }
        let memoryID = storage.memoryID
        let parentInteractionID = storage.parentInteractionID
        parameters["memory_id"] = memoryID
        parameters["parent_interaction_id"] = parentInteractionID
        guard let functionCalling = try FunctionCallingFactory.make(parameters["_llm_interface"], profile: invoker.profile) else {
            throw OpenSearchError.illegalArgument(
                "ml-commons-emulator runs conversational agents with function calling only; set parameters._llm_interface to openai/v1/chat/completions or bedrock/converse/claude")
        }
        functionCalling.configure(&parameters)
        // A structured run's caller has mapped the history already.
        if let memoryID, !storage.isStructured { try await addChatHistory(to: &parameters, memoryID: memoryID, storage: storage) }

        let tools = try ToolSet(specs: definition.tools, parameters: parameters, selected: ToolSet.selectedTools(in: parameters), make: makeTool, extra: mcpTools)
        // Only an AG-UI run (`agent_type=ag_ui`, set for it as `MLAGUIAgentRunner` does) offers the client's tools.
        let frontendTools = invoker.profile.agUI && parameters["agent_type"] == "ag_ui"
            ? AGUIFrontendTool.parse(parameters["agui_tools"]) : []
        if let template = parameters["tool_template"] {
            let backend = try tools.renderedForFunctionCalling(template: template)
            let frontend = try frontendTools.map { tool throws(OpenSearchError) in try tool.rendered(template: template) }
            parameters["_tools"] = ([backend].filter { !$0.isEmpty } + frontend).joined(separator: ", ")
        }
        var llmParameters = Self.llmParameters(definition.llmParameters, parameters)
        if invoker.profile.defaultSystemPrompt, llmParameters["system_prompt"] == nil {
            llmParameters["system_prompt"] = "You are a helpful assistant."
        }
        if let prompt = llmParameters["prompt"] {
            llmParameters["prompt"] = try StringSubstitution.parameters(llmParameters).replace(prompt)
        }

        let question = llmParameters["question"] ?? ""
        let traceDisabled = llmParameters["disable_trace"] == "true"
        let maxIterations = try llmParameters["max_iteration"].map { text throws(OpenSearchError) in try JavaInt.parse(text) }
            ?? Self.defaultMaxIterations
        var state = RunState(storage: storage)
        var result = AgentRunResult(memoryID: memoryID, parentInteractionID: parentInteractionID)

        var calls = AgentModelCalls(invoker: invoker, modelID: modelID)
        if invoker.profile.tokenUsage {
            state.includeTokenUsage = llmParameters["include_token_usage"]?.lowercased() == "true"
            state.usage = AgentTokenTracker()
            state.usage?.setMetadata(await calls.metadata(), for: modelID)
        }
        var step = 0
        while step < maxIterations {
            // Even steps read an LLM answer.
            let dataAsMap: JSONValue
            if let sink {
                var streamed = ""
                let toolCall = try await calls.stream(parameters: llmParameters) { event in
                    if case .text(let text) = event { streamed += text }
                    if case .usage(let usage) = event {
                        state.record(functionCalling.tokenUsage(in: ["usage": usage]), modelID: modelID)
                        return
                    }
                    if case .completed = event {
                        if invoker.profile.bedrockAgentAnswerEchoed, functionCalling is BedrockConverseFunctionCalling {
                            try await sink.emit(.answerEcho)
                        }
                        if let usage = state.reportedUsage { try await sink.emit(.tokenUsage(usage)) }
                    }
                    if let mapped = AgentStreamEvent(event) { try await sink.emit(mapped) }
                }
                guard let toolCall else {
                    // The answer streamed; ml-commons neither stores nor returns it (§1.9), but an AG-UI thread keeps it.
                    if case .thread(let thread, let user) = storage {
                        try await conversations.createThreadMessage(
                            memoryID: thread, input: question.javaTrimmed, response: streamed.javaTrimmed, origin: nil, user: user)
                    }
                    if let pending = storage.pendingInteractionID {
                        try await conversations.updateMessage(pending, response: streamed.javaTrimmed, additionalInfo: nil)
                    }
                    return result
                }
                dataAsMap = toolCall
            } else {
                dataAsMap = try await calls.predict(parameters: llmParameters)
                state.record(functionCalling.tokenUsage(in: dataAsMap), modelID: modelID)
            }
            let answer = LLMAnswer(
                dataAsMap: dataAsMap, parameters: llmParameters, functionCalling: functionCalling,
                firstToolCallOnly: invoker.profile.firstToolCallOnly)
            if let finalAnswer = answer.finalAnswer {
                return try await finish(
                    finalAnswer.trimmingWhitespace(), question: question, state: state, result: result,
                    traceDisabled: traceDisabled, sink: sink)
            }
            if let message = answer.assistantMessage { state.interactions.append(Self.fixingRole(message, streaming: sink != nil)) }
            state.lastThought = ""
            state.steps.append(answer.thoughtResponse)
            try await trace(question, answer.thoughtResponse, origin: "LLM", state: &state, traceDisabled: traceDisabled)
            if step == maxIterations - 1 { break }

            // Odd steps run the tool and hand its result back.
            step += 1
            let call = answer.toolCall
            // An agent tool of the same name wins (`backendTools.containsKey`).
            if let call, let sink, !tools.names.contains(call.name), frontendTools.contains(where: { $0.name == call.name }) {
                // The client runs it: the run ends here and its next run brings the result.
                try await sink.emit(.frontendToolCall)
                return result
            }
            let output = try await runTool(call, tools: tools, llmParameters: llmParameters, question: question, functionCalling: functionCalling, state: &state)
            if let entry = call.flatMap({ tools.resolve($0.name) }).flatMap({ tools[$0] }), entry.spec.includeOutputInAgentResponse {
                result.appendToolOutput(output, of: entry.spec.effectiveName)
            }
            try await trace(call?.input ?? "", output, origin: call?.name ?? "", state: &state, traceDisabled: traceDisabled)
            state.steps.append(output)
            try await sink?.emit(.toolOutput(output, callID: call?.id ?? ""))
            if !state.interactions.isEmpty { llmParameters["_interactions"] = ", " + state.interactions.joined(separator: ", ") }
            if step == maxIterations - 1 { break }
            step += 1
        }
        let message = try await maxIterationsAnswer(
            maxIterations, question: question, state: &state, llmParameters: llmParameters, functionCalling: functionCalling,
            calls: &calls)
        return try await finish(message, question: question, state: state, result: result, traceDisabled: traceDisabled, sink: sink, completeStream: true)
    }

    /// Mutable bookkeeping of one run.
    struct RunState {
        let storage: Storage
        var interactions: [String] = []
        var traceNumber = 0
        var lastThought = ""
        var steps: [String] = []
        /// The run's token records (3.6+), and whether the client asked to see them.
        var usage: AgentTokenTracker?
        var includeTokenUsage = false

        /// Records one LLM call's usage, when the release tracks it and the call reported any.
        mutating func record(_ tokens: TokenUsage?, modelID: String) {
            guard let tokens else { return }
            usage?.record(tokens, modelID: modelID)
        }

        /// The `token_usage` map the client asked for, once some call reported usage.
        var reportedUsage: JSONValue? {
            guard includeTokenUsage, let usage, usage.hasUsage else { return nil }
            return usage.output
        }
    }

    /// `saveTraceData`: one trace message under the root interaction, numbered from 1.
    /// On an AG-UI thread the trace is a root interaction of its own (`CreateInteractionTransportAction` drops the trace
    /// number of an interaction without a parent).
    private func trace(_ input: String, _ response: String, origin: String, state: inout RunState, traceDisabled: Bool) async throws {
        guard !traceDisabled else { return }
        switch state.storage {
        case .interaction(let memoryID, let parent):
            state.traceNumber += 1
            _ = try await conversations.createMessage(
                memoryID: memoryID, input: input, response: response, origin: origin, additionalInfo: nil,
                parentMessageID: parent, traceNumber: state.traceNumber)
        case .thread(let memoryID, let user):
            try await conversations.createThreadMessage(memoryID: memoryID, input: input, response: response, origin: origin, user: user)
        case .agentic(let memory, let parent):
            state.traceNumber += 1
            // ml-commons saves these without waiting and only logs a failure.
            try? await memory.trace(input: input, response: response, origin: origin, parentInteractionID: parent, number: state.traceNumber)
        case .structured, .none:
            return
        }
    }

    /// `sendFinalAnswer`: the final trace, then the root interaction's response and additional info.
    private func finish(
        _ answer: String, question: String, state: RunState, result: AgentRunResult, traceDisabled: Bool,
        sink: (any AgentStreamSink)?, completeStream: Bool = false
    ) async throws -> AgentRunResult {
        var result = result
        var state = state
        result.finalAnswer = answer
        result.steps = state.steps
        if sink == nil { result.tokenUsage = state.reportedUsage }
        if completeStream, let sink {
            if let usage = state.reportedUsage { try await sink.emit(.tokenUsage(usage)) }
            try await sink.emit(.done)
        }
        switch state.storage {
        case .interaction(_, let parent):
            try await trace(question, answer, origin: "LLM", state: &state, traceDisabled: traceDisabled)
            try await conversations.updateMessage(parent, response: answer, additionalInfo: result.additionalInfo)
        case .thread(let memoryID, let user):
            // `saveStructuredMessages([user(question), assistant(answer)])`: one interaction, both trimmed.
            try await conversations.createThreadMessage(
                memoryID: memoryID, input: question.javaTrimmed, response: answer.javaTrimmed, origin: nil, user: user)
        case .agentic(let memory, let parent):
            try await trace(question, answer, origin: "LLM", state: &state, traceDisabled: traceDisabled)
            try await memory.complete(parent, response: answer, additionalInfo: result.additionalInfo)
        case .structured(_, let pending?):
            try await conversations.updateMessage(pending, response: answer.javaTrimmed, additionalInfo: nil)
        case .structured, .none:
            break
        }
        return result
    }

    /// `_chat_history`: earlier question/answer pairs through the interface's templates, with a trailing ", ".
    private func addChatHistory(to parameters: inout [String: String], memoryID: String, storage: Storage) async throws {
        let pairs: [(input: String?, response: String?)]
        if case .agentic(let memory, _) = storage {
            pairs = try await memory.history(limit: try Self.historyLimit(parameters)).filter { !($0.response ?? "").isEmpty }
        } else {
            pairs = try await Self.answeredHistory(parameters, memoryID: memoryID, conversations: conversations, thread: storage.threadUser)
        }
        guard !pairs.isEmpty, let questionTemplate = parameters["chat_history_template.user_question"],
            let responseTemplate = parameters["chat_history_template.ai_response"]
        else { return }
        var messages: [String] = []
        for pair in pairs {
            messages.append(try StringSubstitution(
                prefix: "${_chat_history.message.", values: ["question": JSONEscaping.processTextDoc(pair.input ?? "")]
            ).replace(questionTemplate))
            messages.append(try StringSubstitution(
                prefix: "${_chat_history.message.", values: ["response": JSONEscaping.processTextDoc(pair.response ?? "")]
            ).replace(responseTemplate))
        }
        parameters["_chat_history"] = messages.joined(separator: ", ") + ", "
    }

    /// The last `message_history_limit` (10) root interactions of the memory that have an answer, oldest first.
    static func answeredHistory(
        _ parameters: [String: String], memoryID: String, conversations: ConversationStore, thread: String?? = nil
    ) async throws -> [(input: String?, response: String?)] {
        let limit = try historyLimit(parameters)
        let interactions: [(input: String?, response: String?)]
        if case .some(let user) = thread {
            interactions = try await conversations.threadInteractions(memoryID: memoryID, limit: limit, user: user)
        } else {
            interactions = try await conversations.recentInteractions(memoryID: memoryID, limit: limit)
        }
        return interactions.filter { !($0.response ?? "").isEmpty }
    }

    /// `message_history_limit` (10) as the history search's `size`, which may not be negative.
    static func historyLimit(_ parameters: [String: String]) throws(OpenSearchError) -> Int {
        let limit = try parameters["message_history_limit"].map { text throws(OpenSearchError) in try JavaInt.parse(text) }
            ?? defaultHistoryLimit
        guard limit >= 0 else { throw OpenSearchError.illegalArgument("[size] parameter cannot be negative, found [\(limit)]") }
        return limit
    }

    /// `constructLLMParams`: the LLM's parameters, everything else on top, and ml-commons' defaults.
    static func llmParameters(_ llm: [String: String], _ parameters: [String: String]) -> [String: String] {
        var merged = llm.merging(parameters) { _, given in given }
        if merged["stop"] == nil { merged["stop"] = ReActPrompts.stop }
        if merged["stop_sequences"] == nil { merged["stop_sequences"] = ReActPrompts.stopSequences }
        return merged
    }

    /// Streaming tool-call maps carry no role; ml-commons appends `"role":"assistant"` (`fixInteractionRole`).
    static func fixingRole(_ message: String, streaming: Bool) -> String {
        guard streaming, case .object(var object)? = try? JSONParser.parse(message), object["tool_calls"] != nil,
            object["role"] == nil
        else { return message }
        object["role"] = "assistant"
        return JSONValue.object(object).gsonText
    }

    /// `runTool`: parameters, validation, the run, and the interaction that returns the result to the LLM.
    private func runTool(
        _ call: ToolCallRequest?, tools: ToolSet, llmParameters: [String: String], question: String,
        functionCalling: any FunctionCalling, state: inout RunState
    ) async throws -> String {
        guard let call, let name = tools.resolve(call.name), let entry = tools[name] else {
            return "Failed to run the tool \(call?.name ?? "") which is unsupported."
        }
        switch await Self.run(entry, name: name, actionInput: call.input, llmParameters: llmParameters) {
        case .output(let output):
            // The LLM gets the output as `parseResponse` writes it; the traces as `outputToOutputString` does.
            state.interactions.append(functionCalling.toolResultMessage(callID: call.id, result: output.responseText))
            return output.text
        case .refused(let observation):
            return observation
        case .failed(let message, let observation):
            let template = llmParameters["interaction_template.tool_response"] ?? ""
            let failure = try StringSubstitution(
                prefix: "${_interactions.", values: ["tool_call_id": call.id, "tool_response": "Tool \(name) failed: \(message)"]
            ).replace(template)
            state.interactions.append(failure)
            return observation
        }
    }

    /// What running a tool gave: its output, a refusal of its input, or a failure; the last two with the
    /// text ml-commons hands the LLM instead of an output.
    enum ToolRunOutcome {
        case output(ToolOutput)
        case refused(observation: String)
        case failed(message: String, observation: String)

        var observation: String {
            switch self {
            case .output(let output): return output.text
            case .refused(let observation), .failed(_, let observation): return observation
            }
        }
    }

    /// `runTool`'s core: the tool's parameters over the LLM's, its `validate`, then its run.
    static func run(
        _ entry: ToolSet.Entry, name: String, actionInput: String, llmParameters: [String: String]
    ) async -> ToolRunOutcome {
        let runParameters = llmParameters.merging(toolParameters(entry.spec, actionInput: actionInput)) { _, tool in tool }
        guard entry.tool.validate(runParameters) else {
            return .refused(observation: "Failed to run the tool \(name) due to wrong input \(actionInput).")
        }
        do {
            return .output(try await entry.tool.run(runParameters))
        } catch {
            let message = OpenSearchError(reporting: error).reason
            return .failed(message: message, observation: "Failed to run the tool \(name) with the error message \(message).")
        }
    }

    /// `AgentUtils.constructToolParams`.
    static func toolParameters(_ spec: ToolSpec, actionInput: String) -> [String: String] {
        var parameters = spec.parameters
        let prefix = spec.effectiveName + "."
        for (key, value) in spec.parameters where key.hasPrefix(prefix) { parameters[String(key.dropFirst(prefix.count))] = value }
        for (key, value) in spec.config { parameters[key] = value }
        parameters["llm_generated_input"] = actionInput
        if JSONEscaping.isJSON(actionInput), case .object(let object)? = try? JSONParser.parse(actionInput) {
            for (key, value) in RequestParameters.stringMap(object) { parameters[key] = value }
        }
        if let input = spec.config["input"] ?? parameters["input"] {
            parameters["input"] = (try? StringSubstitution.parameters(parameters).replace(input)) ?? input
        } else {
            parameters["input"] = actionInput
        }
        return parameters
    }
}
