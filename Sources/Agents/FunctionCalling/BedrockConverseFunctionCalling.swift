import MLCommonsCore

/// `bedrock/converse/claude` function calling (`BedrockConverseFunctionCalling`).
public struct BedrockConverseFunctionCalling: FunctionCalling {
    public init() {}

    public func configure(_ parameters: inout [String: String]) {
        if parameters["no_escape_params"] == nil {
            parameters["no_escape_params"] = "_chat_history,_tools,_interactions,tool_configs"
        }
        parameters["llm_response_filter"] = "$.output.message.content[0].text"
        parameters["tool_template"] =
            #"{"toolSpec":{"name":"${tool.name}","description":"${tool.description}","inputSchema": {"json": ${tool.attributes.input_schema} } }}"#
        parameters["tool_calls_path"] = "$.output.message.content[*].toolUse"
        parameters["tool_calls.tool_name"] = "name"
        parameters["tool_calls.tool_input"] = "input"
        parameters["tool_calls.id_path"] = "toolUseId"
        parameters["tool_configs"] = #", "toolConfig": {"tools": [${parameters._tools:-}]}"#
        parameters["interaction_template.assistant_tool_calls_path"] = "$.output.message"
        parameters["interaction_template.tool_response"] =
            #"{"role":"user","content":[{"toolResult":{"toolUseId":"${_interactions.tool_call_id}","content":[{"text":"${_interactions.tool_response}"}]}}]}"#
        parameters["chat_history_template.user_question"] = #"{"role":"user","content":[{"text":"${_chat_history.message.question}"}]}"#
        parameters["chat_history_template.ai_response"] = #"{"role":"assistant","content":[{"text":"${_chat_history.message.response}"}]}"#
        parameters["llm_finish_reason_path"] = "$.stopReason"
        parameters["llm_finish_reason_tool_use"] = "tool_use"
    }

    public func toolCalls(in dataAsMap: JSONValue) -> [ToolCallRequest] {
        guard let uses = try? JSONPath("$.output.message.content[*].toolUse").read(dataAsMap, model: .gson).arrayValue else {
            return []
        }
        return uses.compactMap { use in
            guard let name = use["name"]?.stringValue else { return nil }
            return ToolCallRequest(name: name, input: (use["input"] ?? [:]).gsonText, id: use["toolUseId"]?.stringValue ?? "")
        }
    }

    public func toolResultMessage(callID: String, result: String) -> String {
        // POJO field order toolUseId, content, status; gson serialises the null status.
        let toolResult: JSONValue = [
            "toolUseId": .string(callID), "content": [["text": .string(result)]], "status": .null,
        ]
        return JSONValue.object(["role": "user", "content": [["toolResult": toolResult]]]).gsonText
    }
}
