import MLCommonsCore
import ModelInvocation

/// The plan-execute-reflect agent (`MLPlanExecuteAndReflectAgentRunner`, 3.3): a planner LLM answers with a plan of
/// steps as JSON, the executor agent runs the plan's first step, the planner reflects on the results and plans the
/// rest, until it answers with a result or `max_steps` steps ran.
struct PlanExecuteReflectAgentRunner {
    let definition: AgentDefinition
    let invoker: any ModelInvoking
    let conversations: ConversationStore
    let makeTool: @Sendable (ToolSpec) throws -> any AgentTool
    let runAgent: @Sendable (_ agentID: String, _ parameters: [String: String]) async throws -> JSONValue
    let mcpTools: [ToolSet.Entry]

    static let defaultMaxSteps = "20"
    static let defaultExecutorMaxIterations = "20"
    static let defaultHistoryLimit = "10"
    /// The origin of the trace each executed step leaves under the planner's root interaction.
    static let traceOrigin = "PlanExecuteReflect Agent"

    /// Runs one objective. `progress` hears the executor's ids after the first step (an async task records them).
    func run(
        input: [String: String], memoryID: String, parentInteractionID: String,
        progress: (@Sendable (AgentRunResult.ExecutorIDs) async -> Void)?
    ) async throws -> AgentRunResult {
        guard let modelID = definition.modelID else { throw OpenSearchError.illegalArgument("model id is null") }
        // The registered parameters win over the request's.
        var parameters = input.merging(definition.parameters) { _, registered in registered }
        try Self.setUpPrompts(&parameters)
        var template = parameters["planner_prompt_template"] ?? PlanExecuteReflectPrompts.plannerTemplate

        var completed: [String] = []
        let history = try await ConversationalAgentRunner.answeredHistory(
            ["message_history_limit": parameters["message_history_limit"] ?? Self.defaultHistoryLimit], memoryID: memoryID,
            conversations: conversations)
        for pair in history { completed += [pair.input ?? "null", pair.response ?? "null"] }
        if !completed.isEmpty {
            parameters["completed_steps"] = completed.joined(separator: ", ")
            template = parameters["planner_with_history_template"] ?? PlanExecuteReflectPrompts.plannerWithHistoryTemplate
        }
        let tools = try ToolSet(specs: definition.tools, parameters: parameters, selected: ToolSet.selectedTools(in: parameters), make: makeTool, extra: mcpTools)
        parameters["tools_prompt"] = PlanExecuteReflectPrompts.toolsPrompt(
            tools.names.compactMap { name in tools[name].map { (name, $0.description) } })

        var calls = AgentModelCalls(invoker: invoker, modelID: modelID)
        var executor = AgentRunResult.ExecutorIDs(memoryID: parameters["executor_agent_memory_id"])
        var stepsExecuted = 0
        var traceNumber = 0
        let finalResult: String
        while true {
            let maxSteps = try JavaInt.parse(parameters["max_steps"] ?? Self.defaultMaxSteps)
            if stepsExecuted >= maxSteps {
                guard completed.count >= 2 else {
                    throw OpenSearchError(
                        "IndexOutOfBoundsException", reason: "Index \(completed.count - 2) out of bounds for length \(completed.count)",
                        status: 500)
                }
                finalResult = PlanExecuteReflectPrompts.maxStepsReached(lastStep: completed[completed.count - 2], lastResult: completed[completed.count - 1])
                break
            }
            parameters["prompt"] = try StringSubstitution.parameters(parameters).replace(template)
            let answer = try PlannerAnswer(
                dataAsMap: try await calls.predict(parameters: parameters), responseFilter: parameters["llm_response_filter"])
            if let result = answer.result {
                finalResult = result
                break
            }
            guard let steps = answer.steps else {
                throw OpenSearchError(
                    "NullPointerException", reason: "Cannot invoke \"java.lang.Iterable.iterator()\" because \"elements\" is null",
                    status: 500)
            }
            // `List.getFirst()` of an empty plan.
            guard let step = steps.first else { throw OpenSearchError("NoSuchElementException", reason: "null", status: 500) }
            parameters["steps"] = steps.joined(separator: ", ")

            let stepResult = try await execute(step, parameters: parameters, executor: &executor)
            if stepsExecuted == 0 { await progress?(executor) }
            completed.append(PlanExecuteReflectPrompts.completedStep(stepsExecuted + 1, step))
            completed.append(PlanExecuteReflectPrompts.completedStepResult(stepsExecuted + 1, stepResult))
            parameters["completed_steps"] = completed.joined(separator: ", ")
            traceNumber += 1
            _ = try await conversations.createMessage(
                memoryID: memoryID, input: step, response: stepResult, origin: Self.traceOrigin, additionalInfo: nil,
                parentMessageID: parentInteractionID, traceNumber: traceNumber)
            template = parameters["reflect_prompt_template"] ?? PlanExecuteReflectPrompts.reflectTemplate
            stepsExecuted += 1
        }
        try await conversations.updateMessage(parentInteractionID, response: finalResult, additionalInfo: nil)
        var result = AgentRunResult(memoryID: memoryID, parentInteractionID: parentInteractionID, finalAnswer: finalResult)
        result.executor = executor
        return result
    }

    /// `setupPromptParameters`: the planner's and the executor's prompts with their defaults (and the date when
    /// `inject_datetime` asks for it), and the response filter of the LLM interface.
    static func setUpPrompts(_ parameters: inout [String: String]) throws(OpenSearchError) {
        parameters["prompt"] = nil
        parameters["user_prompt"] = parameters["question"]
        let now = parameters["inject_datetime"]?.lowercased() == "true" ? Self.currentDateTime(parameters["datetime_format"]) : nil
        func dated(_ prompt: String) -> String { now.map { "\(prompt)\n\n\($0)" } ?? prompt }
        parameters["system_prompt"] = dated(parameters["system_prompt"] ?? PlanExecuteReflectPrompts.plannerSystemPrompt)
        parameters["executor_system_prompt"] = dated(parameters["executor_system_prompt"] ?? PlanExecuteReflectPrompts.executorSystemPrompt)
        if parameters["planner_prompt"] == nil { parameters["planner_prompt"] = PlanExecuteReflectPrompts.plannerPrompt }
        if parameters["reflect_prompt"] == nil { parameters["reflect_prompt"] = PlanExecuteReflectPrompts.reflectPrompt }
        parameters["plan_execute_reflect_response_format"] = PlanExecuteReflectPrompts.responseFormat
        parameters[RequestParameters.noEscapeParametersKey] = "tool_configs,_tools"
        if let llmInterface = parameters["_llm_interface"], parameters["llm_response_filter"]?.isEmpty ?? true {
            switch llmInterface.javaTrimmed.lowercased() {
            case "bedrock/converse/claude", "bedrock/converse/deepseek_r1":
                parameters["llm_response_filter"] = "$.output.message.content[0].text"
            case "openai/v1/chat/completions":
                parameters["llm_response_filter"] = "$.choices[0].message.content"
            default:
                throw OpenSearchError("MLException", reason: "Unsupported llm interface: \(llmInterface)", status: 500)
            }
        }
    }

    /// `getCurrentDateTime`: now in UTC, in the given pattern or (blank or invalid) the default one.
    static func currentDateTime(_ pattern: String?) -> String {
        let format = pattern.flatMap { $0.isJavaBlank ? nil : JavaDateFormat(pattern: $0) }
            ?? JavaDateFormat(pattern: JavaDateFormat.defaultPattern)
        return "Current date and time: " + (format?.format(.now()) ?? "")
    }

    /// One step through the executor agent (a new root interaction in its memory each time); its answer.
    private func execute(
        _ step: String, parameters: [String: String], executor: inout AgentRunResult.ExecutorIDs
    ) async throws -> String {
        var input = [
            "question": step,
            "system_prompt": parameters["executor_system_prompt"] ?? PlanExecuteReflectPrompts.executorSystemPrompt,
            "max_iteration": parameters["executor_max_iterations"] ?? Self.defaultExecutorMaxIterations,
            "message_history_limit": parameters["executor_message_history_limit"] ?? Self.defaultHistoryLimit,
        ]
        if let memoryID = executor.memoryID { input["memory_id"] = memoryID }
        if let filter = parameters["llm_response_filter"] { input["llm_response_filter"] = filter }
        let output = try await runAgent(parameters["executor_agent_id"] ?? "", input)
        var stepResult: String?
        for tensor in ToolOutput.modelTensors(output).tensors {
            switch tensor["name"]?.stringValue {
            case "memory_id": executor.memoryID = tensor["result"]?.stringValue
            case "parent_interaction_id": executor.parentInteractionID = tensor["result"]?.stringValue
            default:
                if let response = tensor["dataAsMap"]?["response"] { stepResult = response.stringValue ?? response.gsonText }
            }
        }
        guard let stepResult else { throw OpenSearchError.illegalState("No valid response found in ReAct agent output") }
        return stepResult
    }
}
