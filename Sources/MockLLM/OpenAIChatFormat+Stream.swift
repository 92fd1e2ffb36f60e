import MLCommonsCore
import WireFormats

extension OpenAIChatFormat {
    func streamEvents(for answer: MockLLMAnswer, chunks: [String], usage: MockLLMUsage, latency: Duration) -> [MockLLMStreamEvent] {
        var events: [MockLLMStreamEvent] = []
        let finishReason: String
        switch answer {
        case .text:
            events.append(event(.opening, delta: ["role": "assistant", "content": "", "refusal": nil]))
            for chunk in chunks {
                events.append(event(.content, delta: ["content": .string(chunk)]))
            }
            finishReason = "stop"
        case .toolCall(let name, _):
            let header: JSONValue = [
                "index": 0, "id": .string(identity.toolCallID), "type": "function",
                "function": ["name": .string(name), "arguments": ""],
            ]
            events.append(event(.opening, delta: ["role": "assistant", "content": nil, "tool_calls": [header], "refusal": nil]))
            for chunk in chunks {
                events.append(event(.content, delta: ["tool_calls": [["index": 0, "function": ["arguments": .string(chunk)]]]]))
            }
            finishReason = "tool_calls"
        }
        events.append(event(.closing, delta: [:], finishReason: finishReason))
        if includesStreamUsage {
            events.append(MockLLMStreamEvent(kind: .closing, bytes: sse(chunk(choices: [], usage: Self.usage(usage)))))
        }
        events.append(MockLLMStreamEvent(kind: .closing, bytes: SSEEncoder().encode(SSEEvent(data: "[DONE]"))))
        return events
    }

    /// One `chat.completion.chunk` event with a single choice.
    private func event(_ kind: MockLLMStreamEvent.Kind, delta: JSONObject, finishReason: String? = nil) -> MockLLMStreamEvent {
        let choice: JSONValue = [
            "index": 0, "delta": .object(delta), "logprobs": nil, "finish_reason": finishReason.map(JSONValue.string) ?? nil,
        ]
        return MockLLMStreamEvent(kind: kind, bytes: sse(chunk(choices: [choice], usage: nil)))
    }

    private func chunk(choices: [JSONValue], usage: JSONValue?) -> JSONValue {
        var object: JSONObject = [
            "id": .string(identity.completionID),
            "object": "chat.completion.chunk",
            "created": Self.number(Int(identity.created)),
            "model": .string(model),
            "service_tier": "default",
            "system_fingerprint": nil,
            "choices": .array(choices),
        ]
        if includesStreamUsage { object["usage"] = usage ?? .null }
        return .object(object)
    }

    private func sse(_ json: JSONValue) -> [UInt8] {
        SSEEncoder().encode(SSEEvent(data: json.compactText))
    }
}
