import MLCommonsCore

extension ConversationalAgentRunner {
    /// `PromptTemplate.MAX_STEP_SUMMARY_CHAT_AGENT_SYSTEM_PROMPT` (3.5).
    static let stepSummarySystemPrompt = """
        You are a concise and reliable Summary Agent.
        Your job is to read the user's message and return a clear, accurate, and compact summary of the content.

        Instructions:

        1. Produce a single coherent summary capturing the essential meaning of the input message.
        2. Do not omit important context or alter the original intent.
        3. Do not add new information or assumptions.
        4. Use neutral tone and simple phrasing.
        5. If the message contains multiple points, combine them into a unified summary.
        6. If the message is unclear or incomplete, summarize only what is present.
        7. Output only the summary text, with no explanations, no preambles, and no questions.

        Your only task is to summarize the message.
        """

    /// The final answer when `max_iteration` runs out: from 3.5 one more LLM call summarises the steps so far
    /// (#4575); without a summary (no steps, a failed call, an answer with neither `response` nor `output`)
    /// it is 3.3's text, with the last thought.
    func maxIterationsAnswer(
        _ maxIterations: Int, question: String, state: inout RunState, llmParameters: [String: String],
        functionCalling: any FunctionCalling, calls: inout AgentModelCalls
    ) async throws -> String {
        var message = "Agent reached maximum iterations (\(maxIterations)) without completing the task"
        if invoker.profile.summaryCallAtMaxIteration, !state.steps.isEmpty,
            let answer = try await stepSummary(question: question, steps: state.steps, llmParameters: llmParameters, calls: &calls)
        {
            // A summary that arrived counts as a turn even when its text is unusable.
            state.record(functionCalling.tokenUsage(in: answer.dataAsMap), modelID: calls.modelID)
            if let summary = answer.summary { return message + ". Here's a summary of the steps completed so far:\n\n" + summary }
        }
        if !state.lastThought.isEmpty && state.lastThought != "null" { message += ". Last thought: \(state.lastThought)" }
        return message
    }

    /// `generateLLMSummary` and `extractSummaryFromResponse`: a predict with the steps as the prompt; the first
    /// tensor's `response`, or the `llm_response_filter` of an answer that has `output` (Bedrock Converse).
    private func stepSummary(
        question: String, steps: [String], llmParameters: [String: String], calls: inout AgentModelCalls
    ) async throws -> (summary: String?, dataAsMap: JSONValue)? {
        var parameters = definition.llmParameters.merging(llmParameters) { _, run in run }
        parameters["prompt"] = "Question: \(question)\n\nCompleted Steps:\n" + steps.joined(separator: "\n")
        parameters["system_prompt"] = Self.stepSummarySystemPrompt
        let dataAsMap: JSONValue
        do {
            dataAsMap = try await calls.predict(parameters: parameters)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            return nil
        }
        let summary: JSONValue?
        if let response = dataAsMap["response"] {
            summary = response
        } else if dataAsMap["output"] != nil, let filter = parameters["llm_response_filter"] {
            summary = try? JSONPath(filter).read(dataAsMap, model: .gson)
        } else {
            summary = nil
        }
        let text = (summary?.stringValue ?? summary?.gsonText)?.trimmingWhitespace() ?? ""
        return (text.isEmpty ? nil : text, dataAsMap)
    }
}
