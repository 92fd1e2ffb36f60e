import MLCommonsCore

/// Amazon Bedrock Converse responses, field for field as bedrock-runtime writes them.
struct BedrockConverseFormat: MockLLMWireFormat {
    let identity: MockLLMIdentity

    /// Bedrock's message for `ThrottlingException`.
    static let throttlingMessage = "Too many requests, please wait before trying again."

    func successHeaders(stream: Bool) -> [(name: String, value: String)] {
        [
            ("Content-Type", stream ? "application/vnd.amazon.eventstream" : "application/json"),
            ("x-amzn-RequestId", identity.requestID),
        ]
    }

    func body(for answer: MockLLMAnswer, usage: MockLLMUsage, latency: Duration) -> [UInt8] {
        let content: JSONValue
        let stopReason: String
        switch answer {
        case .text(let text):
            content = ["text": .string(text)]
            stopReason = "end_turn"
        case .toolCall(let name, let arguments):
            content = ["toolUse": ["input": arguments, "name": .string(name), "toolUseId": .string(identity.toolUseID)]]
            stopReason = "tool_use"
        }
        let response: JSONValue = [
            "metrics": ["latencyMs": Self.number(latency.wholeMilliseconds)],
            "output": ["message": ["content": [content], "role": "assistant"]],
            "stopReason": .string(stopReason),
            "usage": Self.usage(usage),
        ]
        return Array(response.compactText.utf8)
    }

    static func number(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }

    static func usage(_ usage: MockLLMUsage) -> JSONValue {
        [
            "inputTokens": number(usage.inputTokens),
            "outputTokens": number(usage.outputTokens),
            "totalTokens": number(usage.totalTokens),
        ]
    }
}
