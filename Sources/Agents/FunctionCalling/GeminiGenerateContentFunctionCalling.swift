import MLCommonsCore

/// `gemini/v1beta/generatecontent` function calling (`GeminiV1BetaGenerateContentFunctionCalling`, 3.5+).
public struct GeminiGenerateContentFunctionCalling: FunctionCalling {
    public init() {}

    public func configure(_ parameters: inout [String: String]) {
        if parameters["no_escape_params"] == nil {
            parameters["no_escape_params"] = "_chat_history,_tools,_interactions,tool_configs"
        }
        parameters["llm_response_filter"] = "$.candidates[0].content.parts[0].text"
        parameters["tool_template"] =
            #"{"name":"${tool.name}","description":"${tool.description}","parameters":${tool.attributes.input_schema_cleaned}}"#
        parameters["gemini.schema.cleaner"] = "true"
        parameters["tool_calls_path"] = "$.candidates[0].content.parts[*].functionCall"
        parameters["tool_calls.tool_name"] = "name"
        parameters["tool_calls.tool_input"] = "args"
        parameters["tool_calls.id_path"] = "name"
        parameters["tool_configs"] =
            #", "tools": [{"functionDeclarations": [${parameters._tools:-}]}], "toolConfig": {"functionCallingConfig": {"mode": "AUTO"}}"#
        parameters["interaction_template.assistant_tool_calls_path"] = "$.candidates[0].content"
        parameters["interaction_template.tool_response"] =
            #"{"role":"user","parts":[{"functionResponse":{"name":"${_interactions.tool_call_id}","response":{"text":"${_interactions.tool_response}"}}}]}"#
        parameters["chat_history_template.user_question"] = #"{"role":"user","parts":[{"text":"${_chat_history.message.question}"}]}"#
        parameters["chat_history_template.ai_response"] = #"{"role":"model","parts":[{"text":"${_chat_history.message.response}"}]}"#
        parameters["llm_finish_reason_path"] = "$.candidates[0].finishReason"
        // Gemini says STOP for function calls too: a call is recognised by a first part without text.
        parameters["llm_finish_reason_tool_use"] = "N/A"
    }

    /// The function calls of the first candidate; Gemini gives them no id, so the function name serves as one.
    public func toolCalls(in dataAsMap: JSONValue) -> [ToolCallRequest] {
        guard let calls = try? JSONPath("$.candidates[0].content.parts[*].functionCall").read(dataAsMap, model: .gson).arrayValue else {
            return []
        }
        return calls.compactMap { call in
            guard let name = call["name"]?.stringValue, let arguments = call["args"] else { return nil }
            return ToolCallRequest(name: name, input: arguments.compactText, id: name)
        }
    }

    public func toolResultMessage(callID: String, result: String) -> String {
        JSONValue.object([
            "role": "user",
            "parts": [["functionResponse": ["name": .string(callID), "response": ["text": .string(result)]]]],
        ]).compactText
    }

    /// `usageMetadata`: prompt, candidates and total tokens, cached content and thoughts.
    public func tokenUsage(in dataAsMap: JSONValue) -> TokenUsage? {
        guard let usage = dataAsMap["usageMetadata"]?.objectValue else { return nil }
        return TokenUsage(
            inputTokens: TokenUsage.long(usage["promptTokenCount"]), outputTokens: TokenUsage.long(usage["candidatesTokenCount"]),
            totalTokens: TokenUsage.long(usage["totalTokenCount"]),
            cacheReadInputTokens: TokenUsage.long(usage["cachedContentInputTokenCount"]),
            reasoningTokens: TokenUsage.long(usage["thoughtsTokenCount"]))
    }

    /// The first candidate's parts: every non-call part and the first `functionCall`.
    public func keepingFirstToolCall(_ dataAsMap: JSONValue) -> JSONValue {
        guard let candidates = dataAsMap["candidates"]?.arrayValue, let first = candidates.first else { return dataAsMap }
        let filtered = Self.keepingFirstCall(in: first, at: ["content", "parts"]) { $0["functionCall"] != nil }
        return dataAsMap.setting(.array([filtered] + candidates.dropFirst()), at: ["candidates"])
    }
}
