import MLCommonsCore

/// OpenAI chat-completions responses, field for field as api.openai.com writes them.
struct OpenAIChatFormat: MockLLMWireFormat {
    let identity: MockLLMIdentity
    let model: String
    /// `stream_options.include_usage`: chunks carry `"usage":null` and a usage chunk ends the stream.
    let includesStreamUsage: Bool

    func successHeaders(stream: Bool) -> [(name: String, value: String)] {
        if stream {
            return [("Content-Type", "text/event-stream"), ("Cache-Control", "no-cache"), ("x-request-id", "req_\(identity.requestID)")]
        }
        return [("Content-Type", "application/json"), ("x-request-id", "req_\(identity.requestID)")]
    }

    func body(for answer: MockLLMAnswer, usage: MockLLMUsage, latency: Duration) -> [UInt8] {
        let message: JSONValue
        let finishReason: String
        switch answer {
        case .text(let text):
            message = ["role": "assistant", "content": .string(text), "refusal": nil, "annotations": []]
            finishReason = "stop"
        case .toolCall(let name, let arguments):
            let call: JSONValue = [
                "id": .string(identity.toolCallID), "type": "function",
                "function": ["name": .string(name), "arguments": .string(arguments.compactText)],
            ]
            message = ["role": "assistant", "content": nil, "tool_calls": [call], "refusal": nil, "annotations": []]
            finishReason = "tool_calls"
        }
        let completion: JSONValue = [
            "id": .string(identity.completionID),
            "object": "chat.completion",
            "created": Self.number(Int(identity.created)),
            "model": .string(model),
            "choices": [["index": 0, "message": message, "logprobs": nil, "finish_reason": .string(finishReason)]],
            "usage": Self.usage(usage),
            "service_tier": "default",
            "system_fingerprint": nil,
        ]
        return Array(completion.compactText.utf8)
    }

    func malformedEvent() -> [UInt8] {
        // A chunk cut off mid-value: a well-formed SSE event whose data is not JSON.
        let prefix = #"{"id":"\#(identity.completionID)","object":"chat.completion.chunk","created":\#(identity.created),"model":"#
            + JSONValue.string(model).compactText + #","choices":[{"index":0,"delta":{"content":"#
        return Array(("data: " + prefix + "\n\n").utf8)
    }

    func throttlingEvent() -> [UInt8] {
        let error = Self.error(message: rateLimitMessage, type: "requests", code: "rate_limit_exceeded")
        return Array(("data: " + error.compactText + "\n\n").utf8)
    }

    var rateLimitMessage: String {
        "Rate limit reached for \(model) in organization org-mock on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s. Visit https://platform.openai.com/account/rate-limits to learn more."
    }

    static func number(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

    /// `usage` with the detail objects the API always includes.
    static func usage(_ usage: MockLLMUsage) -> JSONValue {
        [
            "prompt_tokens": number(usage.inputTokens),
            "completion_tokens": number(usage.outputTokens),
            "total_tokens": number(usage.totalTokens),
            "prompt_tokens_details": ["cached_tokens": 0, "audio_tokens": 0],
            "completion_tokens_details": [
                "reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0,
            ],
        ]
    }

    /// `{"error":{"message":…,"type":…,"param":…,"code":…}}`.
    static func error(message: String, type: String, param: String? = nil, code: String? = nil) -> JSONValue {
        [
            "error": [
                "message": .string(message), "type": .string(type),
                "param": param.map(JSONValue.string) ?? nil, "code": code.map(JSONValue.string) ?? nil,
            ],
        ]
    }
}
