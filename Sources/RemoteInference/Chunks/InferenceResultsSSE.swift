import MLCommonsCore

/// The `ModelTensorOutput.toXContent` document the REST stream handlers write, framed as one SSE event.
enum InferenceResultsSSE {
    /// `data: {"inference_results":[{"output":[…tensors]}]}\n\n`, written by XContent (Jackson escaping).
    static func event(tensors: [JSONValue]) -> String {
        let document: JSONValue = ["inference_results": [["output": .array(tensors)]]]
        return "data: " + JSONWriter(escaping: .xContent).string(document) + "\n\n"
    }

    /// ``event(tensors:)`` of the one `response` tensor, written straight out (one per upstream token, so no tree).
    static func responseEvent(content: String, isLast: Bool) -> String {
        var text = #"data: {"inference_results":[{"output":[{"name":"response","dataAsMap":{"content":"#
        text.reserveCapacity(text.utf8.count + content.utf8.count + 40)
        JSONWriter(escaping: .xContent).writeString(content, into: &text)
        text += isLast ? #","is_last":true}}]}]}"# : #","is_last":false}}]}]}"#
        text += "\n\n"
        return text
    }

    /// The `response` tensor, rebuilt with a `LinkedHashMap` so `content` precedes `is_last`.
    static func responseTensor(content: String, isLast: Bool) -> JSONValue {
        ["name": "response", "dataAsMap": ["content": .string(content), "is_last": .bool(isLast)]]
    }

    /// A tensor carrying only a `result` string (`memory_id`, `parent_interaction_id`).
    static func resultTensor(name: String, result: String) -> JSONValue {
        ["name": .string(name), "result": .string(result)]
    }
}
