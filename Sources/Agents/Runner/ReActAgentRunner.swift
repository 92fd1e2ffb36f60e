import MLCommonsCore
import ModelInvocation

/// A conversational agent without `_llm_interface` (`MLChatAgentRunner.runReAct`): the LLM gets one text prompt
/// (ml-commons' templates, the tools and history in it) and answers in JSON text naming a tool or the final
/// answer; tool results accumulate in the prompt's scratchpad until the answer or `max_iteration` steps.
struct ReActAgentRunner {
    let definition: AgentDefinition
    let invoker: any ModelInvoking
    let conversations: ConversationStore
    let makeTool: @Sendable (ToolSpec) throws -> any AgentTool
    let mcpTools: [ToolSet.Entry]

    static let defaultMaxIterations = 10

    func run(input: [String: String], memoryID: String, parentInteractionID: String) async throws -> AgentRunResult {
        guard let modelID = definition.modelID else { throw OpenSearchError.illegalArgument("model id is null") }
        var parameters = definition.parameters.merging(input) { _, given in given }
        parameters["memory_id"] = memoryID
        parameters["parent_interaction_id"] = parentInteractionID
        if let history = try await chatHistory(parameters, memoryID: memoryID) { parameters["chat_history"] = history }
        let tools = try ToolSet(specs: definition.tools, parameters: parameters, selected: ToolSet.selectedTools(in: parameters), make: makeTool, extra: mcpTools)

        var llmParameters = Self.llmParameters(definition.llmParameters, parameters)
        let finalPrompt = try Self.prompt(llmParameters, tools: tools)
        llmParameters["prompt"] = try StringSubstitution.parameters(["scratchpad": ""]).replace(finalPrompt)
        let question = llmParameters["question"] ?? ""
        let traceDisabled = llmParameters["disable_trace"] == "true"
        let maxIterations = try llmParameters["max_iteration"].map { text throws(OpenSearchError) in try JavaInt.parse(text) }
            ?? Self.defaultMaxIterations
        let patterns = llmParameters["llm_response_pattern"]
            .flatMap { try? JSONParser.parse($0).arrayValue?.compactMap(\.stringValue) } ?? []

        var calls = AgentModelCalls(invoker: invoker, modelID: modelID)
        var result = AgentRunResult(memoryID: memoryID, parentInteractionID: parentInteractionID)
        var traceNumber = 0
        var scratchpad = ""
        var lastThought: String?
        var pending: (step: ReActStep, tool: String, input: String)?
        func trace(_ input: String, _ response: String, origin: String) async throws {
            guard !traceDisabled else { return }
            traceNumber += 1
            _ = try await conversations.createMessage(
                memoryID: memoryID, input: input, response: response, origin: origin, additionalInfo: nil,
                parentMessageID: parentInteractionID, traceNumber: traceNumber)
        }
        func finish(_ answer: String) async throws -> AgentRunResult {
            result.finalAnswer = answer
            try await trace(question, answer, origin: "LLM")
            try await conversations.updateMessage(parentInteractionID, response: answer, additionalInfo: result.additionalInfo)
            return result
        }

        for step in 0..<max(maxIterations, 0) {
            let isLast = step == maxIterations - 1
            if step % 2 == 0 {
                // Even steps read an LLM answer.
                let dataAsMap = try await calls.predict(parameters: llmParameters).objectValue ?? JSONObject()
                let answer = ReActStep(dataAsMap: dataAsMap, tools: tools.names, patterns: patterns)
                if let finalAnswer = answer.finalAnswer { return try await finish(finalAnswer.javaTrimmed) }
                lastThought = answer.thought ?? "null"
                result.steps.append(answer.thoughtResponse)
                try await trace(question, answer.thoughtResponse, origin: "LLM")
                if isLast { break }
                pending = (answer, answer.action ?? "", answer.actionInput ?? "null")
            } else if let pending, let entry = tools[pending.tool] {
                let (answer, name, actionInput) = pending
                // Odd steps run the tool the last answer asked for and add its result to the scratchpad.
                let outcome = await ConversationalAgentRunner.run(entry, name: name, actionInput: actionInput, llmParameters: llmParameters)
                let observation = outcome.observation
                // Only a tool that answered adds its output to the answer's `additional_info`.
                if case .output = outcome, entry.spec.includeOutputInAgentResponse { result.appendToolOutput(observation, of: name) }
                let response = try StringSubstitution.parameters([
                    "llm_tool_selection_response": answer.thoughtResponse, "tool_name": name, "tool_input": actionInput,
                    "observation": observation,
                ]).replace(llmParameters["prompt.tool_response"] ?? ReActPrompts.toolResponse)
                scratchpad += response + "\n\n"
                result.steps.append(observation)
                try await trace(actionInput, observation, origin: name)
                if isLast { break }
                llmParameters["prompt"] = try StringSubstitution.parameters(["scratchpad": scratchpad]).replace(finalPrompt)
            }
        }
        return try await finish(ReActPrompts.maximumIterationsReached(maxIterations, lastThought: lastThought))
    }

    /// `constructLLMParams` in ReAct mode: the shared parameters and defaults, and the prompt pieces' defaults.
    static func llmParameters(_ llm: [String: String], _ parameters: [String: String]) -> [String: String] {
        var merged = ConversationalAgentRunner.llmParameters(llm, parameters)
        if merged["prompt.prefix"] == nil { merged["prompt.prefix"] = ReActPrompts.prefix }
        if merged["prompt.suffix"] == nil { merged["prompt.suffix"] = ReActPrompts.suffix }
        if merged["prompt.format_instruction"] == nil { merged["prompt.format_instruction"] = ReActPrompts.formatInstruction }
        if merged["prompt.tool_response"] == nil { merged["prompt.tool_response"] = ReActPrompts.toolResponse }
        return merged
    }

    /// `constructLLMPrompt`: the template through ml-commons' substitution passes, the scratchpad still open.
    static func prompt(_ parameters: [String: String], tools: ToolSet) throws -> String {
        var prompt = try StringSubstitution.parameters(parameters).replace(parameters["prompt"] ?? ReActPrompts.template)
        var toolValues: [String: String] = [:]
        if parameters["tool_template"] == nil {
            guard !tools.names.isEmpty else {
                // `names.substring(0, names.length() - 1)` on an empty list.
                throw OpenSearchError("StringIndexOutOfBoundsException", reason: "begin 0, end -1, length 0", status: 500)
            }
            var descriptions = parameters["agent.tools.prefix"] ?? ReActPrompts.toolsPrefix
            var names = ""
            for name in tools.names {
                guard let entry = tools[name] else { continue }
                descriptions += (parameters["agent.tools.tool.prefix"] ?? ReActPrompts.toolPrefix) + name + ": " + entry.description
                    + (parameters["agent.tools.tool.suffix"] ?? ReActPrompts.toolSuffix)
                names += name + ", "
            }
            descriptions += parameters["agent.tools.suffix"] ?? ReActPrompts.toolsSuffix
            toolValues["tool_descriptions"] = parameters["tool_descriptions"] ?? descriptions
            // Only the last space goes: one tool reads `[ListIndexTool,]`.
            toolValues["tool_names"] = parameters["tool_names"] ?? String(names.dropLast())
            prompt = try StringSubstitution.parameters(toolValues).replace(prompt)
        }
        prompt = try StringSubstitution.parameters(["opensearch_indices": "", "examples": ""]).replace(prompt)
        prompt = try StringSubstitution.parameters(["chat_history": parameters["chat_history"] ?? ""]).replace(prompt)
        return try StringSubstitution.parameters(["context": parameters["context"] ?? ""]).replace(prompt)
    }

    /// The earlier turns of the memory (`message_history_limit`, 10 by default) as `Human:`/`Assistant:` lines
    /// under the history prefix; nil when none has an answer.
    private func chatHistory(_ parameters: [String: String], memoryID: String) async throws -> String? {
        let pairs = try await ConversationalAgentRunner.answeredHistory(parameters, memoryID: memoryID, conversations: conversations)
        guard !pairs.isEmpty else { return nil }
        var history = parameters["prompt.chat_history_prefix"] ?? ReActPrompts.chatHistoryPrefix
        for pair in pairs { history += "Human:" + (pair.input ?? "") + "\nAssistant:" + (pair.response ?? "") + "\n" }
        return history
    }
}
