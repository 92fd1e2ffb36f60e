import MLCommonsCore

/// The one tool call `HttpStreamingHandler` tracks across `delta.tool_calls` fragments
/// (`HttpStreamingHandler.java:271-290`): the last id and name seen, and every `arguments` piece joined.
///
/// Before 3.5 it is never reset, so parallel calls (index 0, 1…) merge into one and a second call in the
/// same response keeps appending to the first call's arguments; from 3.5 each completed call starts afresh.
struct OpenAIToolCallAccumulator: Sendable {
    /// 3.5+: empty arguments read `{}` and the call is forgotten once complete (#4549).
    let completesAsFreshCalls: Bool

    init(completesAsFreshCalls: Bool) { self.completesAsFreshCalls = completesAsFreshCalls }
    /// ml-commons' `functionCallInProgress`.
    private(set) var isInProgress = false
    private var id: String?
    private var name: String?
    private var arguments = ""

    /// Folds one `delta.tool_calls` array in, failing where ml-commons' casts would; work done before a
    /// failure is kept, as in Java.
    mutating func accumulate(_ toolCalls: [JSONValue]) throws(JavaRuntimeFault) {
        isInProgress = true
        for element in toolCalls {
            let call = try JavaCast.dereferencedMap(element)
            if call.contains("id") { id = try JavaCast.string(call["id"]) }
            guard call.contains("function") else { continue }
            let function = try JavaCast.dereferencedMap(call["function"])
            if function.contains("name") { name = try JavaCast.string(function["name"]) }
            // Java's `String += null` appends the text "null".
            if function.contains("arguments") { arguments += try JavaCast.string(function["arguments"]) ?? "null" }
        }
    }

    /// The synthesized full tool call (`buildCompleteFunctionCallResponse`); `Map.of` rejects a missing id or name.
    ///
    /// `Map.of` iteration order differs per JVM; the order used is the one in the execute-stream documentation.
    mutating func complete() throws(JavaRuntimeFault) -> ProviderToolCall {
        guard let id, let name else { throw .nullPointer }
        let arguments = completesAsFreshCalls && arguments.isEmpty ? "{}" : arguments
        let function: JSONValue = ["name": .string(name), "arguments": .string(arguments)]
        let toolCall: JSONValue = ["type": "function", "function": function, "id": .string(id)]
        let choice: JSONValue = ["message": ["tool_calls": [toolCall]], "finish_reason": "tool_calls"]
        let response: JSONValue = ["choices": [choice]]
        isInProgress = false
        if completesAsFreshCalls {
            self.id = nil
            self.name = nil
            self.arguments = ""
        }
        return ProviderToolCall(
            id: id, name: name, arguments: arguments, dataAsMap: response, announcement: response.gsonText)
    }
}
