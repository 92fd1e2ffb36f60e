import MLCommonsCore

/// `openai/v1/chat/completions` function calling (`OpenaiV1ChatCompletionsFunctionCalling`).
public struct OpenAIChatCompletionsFunctionCalling: FunctionCalling {
    public init() {}

    public func configure(_ parameters: inout [String: String]) {
        if parameters["no_escape_params"] == nil {
            parameters["no_escape_params"] = "_chat_history,_tools,_interactions,tool_configs"
        }
        parameters["llm_response_filter"] = "$.choices[0].message.content"
        parameters["tool_template"] =
            #"{"type": "function", "function": { "name": "${tool.name}", "description": "${tool.description}", "parameters": ${tool.attributes.input_schema}, "strict": ${tool.attributes.strict:-false} } }"#
        parameters["tool_calls_path"] = "$.choices[0].message.tool_calls"
        parameters["tool_calls.tool_name"] = "function.name"
        parameters["tool_calls.tool_input"] = "function.arguments"
        parameters["tool_calls.id_path"] = "id"
        parameters["tool_configs"] = #", "tools": [${parameters._tools:-}], "parallel_tool_calls": false"#
        parameters["tool_choice"] = "auto"
        parameters["parallel_tool_calls"] = "false"
        parameters["interaction_template.assistant_tool_calls_path"] = "$.choices[0].message"
        parameters["interaction_template.tool_response"] =
            #"{"role":"tool","tool_call_id":"${_interactions.tool_call_id}","content":"${_interactions.tool_response}"}"#
        parameters["chat_history_template.user_question"] = #"{"role":"user","content":"${_chat_history.message.question}"}"#
        parameters["chat_history_template.ai_response"] = #"{"role":"assistant","content":"${_chat_history.message.response}"}"#
        parameters["llm_finish_reason_path"] = "$.choices[0].finish_reason"
        parameters["llm_finish_reason_tool_use"] = "tool_calls"
    }

    public func toolCalls(in dataAsMap: JSONValue) -> [ToolCallRequest] {
        guard let calls = try? JSONPath("$.choices[0].message.tool_calls").read(dataAsMap, model: .gson).arrayValue else {
            return []
        }
        return calls.compactMap { call in
            guard let name = call["function"]?["name"]?.stringValue else { return nil }
            let arguments = call["function"]?["arguments"]
            return ToolCallRequest(
                name: name, input: arguments?.stringValue ?? arguments?.gsonText ?? "",
                id: call["id"]?.stringValue ?? "")
        }
    }

    public func toolResultMessage(callID: String, result: String) -> String {
        JSONValue.object(["role": "tool", "tool_call_id": .string(callID), "content": .string(result)]).gsonText
    }
}
