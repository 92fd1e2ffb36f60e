import MLCommonsCore

/// One LLM answer as the function-calling path reads it (`AgentUtils.parseLLMOutput`).
struct LLMAnswer {
    /// The whole answer as gson JSON: stored as the LLM trace and shown in verbose output.
    let thoughtResponse: String
    /// The answer text when the model did not ask for a tool.
    let finalAnswer: String?
    /// The first tool call (ml-commons runs only the first).
    let toolCall: ToolCallRequest?
    /// The assistant message to replay in `_interactions` (`interaction_template.assistant_tool_calls_path`).
    let assistantMessage: String?

    /// `firstToolCallOnly` (3.5+): the replayed message keeps only the call that runs.
    init(dataAsMap: JSONValue, parameters: [String: String], functionCalling: any FunctionCalling, firstToolCallOnly: Bool = false) {
        thoughtResponse = dataAsMap.gsonText
        var isToolUse = false
        var response: JSONValue = .null
        if let filter = parameters["llm_response_filter"], let path = try? JSONPath(filter) {
            do {
                response = try path.read(dataAsMap, model: .gson)
            } catch {
                isToolUse = true
            }
        }
        let finishReason = parameters["llm_finish_reason_path"].flatMap { try? JSONPath($0).read(dataAsMap, model: .gson) }
        let toolUseReason = parameters["llm_finish_reason_tool_use"] ?? ""
        if isToolUse || finishReason?.stringValue?.lowercased() == toolUseReason.lowercased() {
            toolCall = functionCalling.toolCalls(in: dataAsMap).first
            let messagePath = parameters["interaction_template.assistant_tool_calls_path"]
            let replayed = firstToolCallOnly ? functionCalling.keepingFirstToolCall(dataAsMap) : dataAsMap
            assistantMessage = messagePath.flatMap { try? JSONPath($0).read(replayed, model: .gson) }?.gsonText
            finalAnswer = nil
        } else {
            toolCall = nil
            assistantMessage = nil
            switch response {
            case .string(let text): finalAnswer = text
            case .null: finalAnswer = thoughtResponse
            default: finalAnswer = response.gsonText
            }
        }
    }
}
