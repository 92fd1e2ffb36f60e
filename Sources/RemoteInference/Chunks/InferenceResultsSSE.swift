import MLCommonsCore

/// The `ModelTensorOutput.toXContent` document the REST stream handlers write, framed as one SSE event:
/// `data: {"inference_results":[{"output":[…tensors]}]}\n\n` with XContent's (Jackson's) escaping. Written
/// straight out rather than built as a tree and walked: a stream writes one event per upstream token.
enum InferenceResultsSSE {
    /// The event around the tensors `writeTensors` appends (comma-separated, in order).
    static func event(_ writeTensors: (inout String) -> Void) -> String {
        var text = #"data: {"inference_results":[{"output":["#
        writeTensors(&text)
        text += "]}]}\n\n"
        return text
    }

    /// The event of the one `response` tensor, as `_predict/stream` writes it.
    static func responseEvent(content: String, isLast: Bool) -> String {
        event { writeResponseTensor(content: content, isLast: isLast, into: &$0) }
    }

    /// The `response` tensor, rebuilt with a `LinkedHashMap` so `content` precedes `is_last`.
    static func writeResponseTensor(content: String, isLast: Bool, into text: inout String) {
        text.reserveCapacity(text.utf8.count + content.utf8.count + 64)
        text += #"{"name":"response","dataAsMap":{"content":"#
        writer.writeString(content, into: &text)
        text += isLast ? #","is_last":true}}"# : #","is_last":false}}"#
    }

    /// A tensor carrying only a `result` string (`memory_id`, `parent_interaction_id`).
    static func writeResultTensor(name: String, result: String, into text: inout String) {
        writeTensor(name: name, field: "result", into: &text) { writer.writeString(result, into: &$0) }
    }

    /// A tensor carrying a `dataAsMap` document (`token_usage`).
    static func writeDataTensor(name: String, data: JSONValue, into text: inout String) {
        writeTensor(name: name, field: "dataAsMap", into: &text) { writer.write(data, into: &$0) }
    }

    /// `{"name":<name>,"<field>":<value>}`.
    private static func writeTensor(name: String, field: String, into text: inout String, value: (inout String) -> Void) {
        text += #"{"name":"#
        writer.writeString(name, into: &text)
        text += #",""# + field + #"":"#
        value(&text)
        text += "}"
    }

    private static let writer = JSONWriter(escaping: .xContent)
}
