import MLCommonsCore
import ModelInvocation

/// `MLChatAgentRunnerV2` (3.6+): a function-calling loop over a unified conversation. Each turn maps the whole
/// conversation to the provider's messages, runs every tool the answer asks for with its arguments as `input`,
/// and ends with the first answer that asks for none, or at `max_iteration` with the last one.
public struct ConversationalV2AgentRunner: Sendable {
    public let definition: AgentDefinition
    public let invoker: any ModelInvoking
    public let makeTool: @Sendable (ToolSpec) throws -> any AgentTool
    public let mcpTools: [ToolSet.Entry]

    /// What a V2 agent answers when a run would take the V1 path: no `input`, both `memory_id` and
    /// `parent_interaction_id`, or a call from another agent.
    public static let needsExecutorMemory = OpenSearchError(
        "UnsupportedOperationException", reason: "V2 agents require executor-provided memory. Use runV2() instead.", status: 500)

    static let defaultMaxIterations = 5
    static let defaultSystemPrompt = "You are a helpful assistant"

    /// What a run leaves: the answer, and the messages memory keeps after the input (each tool round's call and
    /// results, then the answer).
    public struct Outcome: Sendable {
        public var stopReason: String
        public var answer: UnifiedMessage
        public var newMessages: [UnifiedMessage]
        public var usage: TokenUsage?
    }

    public init(
        definition: AgentDefinition, invoker: any ModelInvoking, makeTool: @escaping @Sendable (ToolSpec) throws -> any AgentTool,
        mcpTools: [ToolSet.Entry] = []
    ) {
        self.definition = definition
        self.invoker = invoker
        self.makeTool = makeTool
        self.mcpTools = mcpTools
    }

    /// Runs `conversation` (history and input); `parameters` are the request's alone, as V2 reads them.
    public func run(conversation: [UnifiedMessage], parameters: [String: String]) async throws -> Outcome {
        guard let provider = definition.modelProvider, let modelID = definition.modelID else {
            throw OpenSearchError.illegalState(
                "V2 agents require the 'model' field to be configured. Use simplified registration with the 'model' block.")
        }
        guard let llmInterface = parameters["_llm_interface"] ?? definition.parameters["_llm_interface"] else {
            throw OpenSearchError.illegalState(
                "V2 agents require function calling. LLM interface not configured. Ensure _llm_interface parameter is set in agent configuration.")
        }
        guard let functionCalling = try FunctionCallingFactory.make(llmInterface, profile: invoker.profile) else {
            throw OpenSearchError.illegalState("No function calling implementation found for interface: \(llmInterface)")
        }
        let tools = try ToolSet(specs: definition.tools, parameters: parameters, selected: ToolSet.selectedTools(in: parameters), make: makeTool, extra: mcpTools)
        // An unreadable value falls back to the default, as `getMaxIterations` does.
        let maxIterations = parameters["max_iteration"].flatMap { try? JavaInt.parse($0) } ?? Self.defaultMaxIterations
        let systemPrompt = [parameters["system_prompt"], definition.parameters["system_prompt"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? Self.defaultSystemPrompt

        var messages = conversation
        var newMessages: [UnifiedMessage] = []
        var usage: TokenUsage?
        var calls = AgentModelCalls(invoker: invoker, modelID: modelID)
        var iteration = 0
        while true {
            try Task.checkCancellation()
            var llmParameters = parameters
            llmParameters["body"] = try provider.messagesBody(messages)
            llmParameters[RequestParameters.noEscapeParametersKey] = ModelProvider.mappedBodyNoEscapeParameters
            llmParameters["system_prompt"] = systemPrompt
            if !tools.names.isEmpty {
                functionCalling.configure(&llmParameters)
                llmParameters["_tools"] = try tools.renderedForFunctionCalling(template: llmParameters["tool_template"] ?? "")
            }
            let answer = try await calls.predict(parameters: llmParameters)
            if let reported = functionCalling.tokenUsage(in: answer) { usage = usage.map { $0.adding(reported) } ?? reported }
            let toolCalls = Self.asksForTools(answer, provider) ? functionCalling.toolCalls(in: answer) : []
            let assistant = try provider.unifiedMessage(fromAnswer: answer)
            messages.append(assistant)
            guard !toolCalls.isEmpty else {
                return Outcome(stopReason: "end_turn", answer: assistant, newMessages: newMessages + [assistant], usage: usage)
            }
            newMessages.append(assistant)
            if iteration >= maxIterations - 1 {
                // The answer that asked for tools ends the run; memory keeps it twice, as ml-commons saves it.
                return Outcome(stopReason: "max_iterations", answer: assistant, newMessages: newMessages + [assistant], usage: usage)
            }
            var results: [(callID: String, text: String?)] = []
            for call in toolCalls {
                results.append((call.id, try await Self.run(call, tools: tools)))
            }
            let resultMessages = provider.toolResultMessages(results)
            messages += resultMessages
            newMessages += resultMessages
            iteration += 1
        }
    }

    /// `handle`'s finish-reason check: Bedrock's `stopReason` is `tool_use`, OpenAI's `finish_reason` `tool_calls`.
    static func asksForTools(_ answer: JSONValue, _ provider: ModelProvider) -> Bool {
        switch provider {
        case .bedrockConverse: answer["stopReason"]?.stringValue == "tool_use"
        case .openAIChatCompletions: answer["choices"]?.arrayValue?.first?["finish_reason"]?.stringValue == "tool_calls"
        case .geminiGenerateContent: true
        }
    }

    /// `executeToolsSequentially`: the tool gets its arguments as `input` alone; its text, or nil when it failed
    /// or is unknown (the error text never reaches the model).
    static func run(_ call: ToolCallRequest, tools: ToolSet) async throws -> String? {
        guard let entry = tools[call.name] else { return nil }
        do {
            return try await entry.tool.run(["input": call.input]).text
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            return nil
        }
    }
}
