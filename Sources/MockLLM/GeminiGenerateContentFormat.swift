import MLCommonsCore

/// Gemini `generateContent` / `streamGenerateContent?alt=sse` responses, as generativelanguage.googleapis.com
/// writes them.
struct GeminiGenerateContentFormat: MockLLMWireFormat {
    let identity: MockLLMIdentity
    let model: String

    func successHeaders(stream: Bool) -> [(name: String, value: String)] {
        [("Content-Type", stream ? "text/event-stream" : "application/json; charset=UTF-8")]
    }

    func body(for answer: MockLLMAnswer, usage: MockLLMUsage, latency: Duration) -> [UInt8] {
        Array(response(parts: [part(answer)], finished: true, usage: usage).compactText.utf8)
    }

    /// One candidate of the model's content; `finishReason` (always `STOP`, function calls included) and
    /// `usageMetadata` come with the last piece.
    func response(parts: [JSONValue], finished: Bool, usage: MockLLMUsage?) -> JSONValue {
        var candidate: JSONObject = ["content": ["parts": .array(parts), "role": "model"]]
        if finished { candidate["finishReason"] = "STOP" }
        candidate["index"] = 0
        var object: JSONObject = ["candidates": [.object(candidate)]]
        if let usage {
            object["usageMetadata"] = [
                "promptTokenCount": .number(JSONNumber(usage.inputTokens)),
                "candidatesTokenCount": .number(JSONNumber(usage.outputTokens)),
                "totalTokenCount": .number(JSONNumber(usage.totalTokens)),
            ]
        }
        object["modelVersion"] = .string(model)
        object["responseId"] = .string(identity.responseID)
        return .object(object)
    }

    func part(_ answer: MockLLMAnswer) -> JSONValue {
        switch answer {
        case .text(let text): ["text": .string(text)]
        case .toolCall(let name, let arguments): ["functionCall": ["name": .string(name), "args": arguments]]
        }
    }
}
