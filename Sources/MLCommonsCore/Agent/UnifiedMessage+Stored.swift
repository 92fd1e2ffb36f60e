/// A message as agentic memory keeps it (`structured_data_blob.message`): Jackson's form of `Message`, fields in
/// declaration order, nulls left out, enums by name.
extension UnifiedMessage {
    public var storedJSON: JSONObject {
        var object = JSONObject()
        if let role { object["role"] = .string(role) }
        if let content { object["content"] = .array(content.map { .object($0.storedJSON) }) }
        if let toolCalls {
            object["toolCalls"] = .array(toolCalls.map { call in
                ["id": .string(call.id), "type": .string(call.type),
                 "function": ["name": .string(call.name), "arguments": .string(call.arguments)]]
            })
        }
        if let toolCallID { object["toolCallId"] = .string(toolCallID) }
        return object
    }

    /// Gson's read of a stored message back into a `Message`.
    public init(stored object: JSONObject) {
        role = object["role"]?.stringValue
        content = object["content"]?.arrayValue?.compactMap { $0.objectValue.flatMap(ContentBlock.init(stored:)) }
        toolCalls = object["toolCalls"]?.arrayValue?.compactMap { value -> ToolCall? in
            guard let call = value.objectValue, let function = call["function"]?.objectValue else { return nil }
            return ToolCall(
                id: call["id"]?.stringValue ?? "", type: call["type"]?.stringValue ?? "function",
                name: function["name"]?.stringValue ?? "", arguments: function["arguments"]?.stringValue ?? "")
        }
        toolCallID = object["toolCallId"]?.stringValue
    }
}
