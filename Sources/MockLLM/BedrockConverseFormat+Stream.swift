import MLCommonsCore
import WireFormats

extension BedrockConverseFormat {
    func streamEvents(for answer: MockLLMAnswer, chunks: [String], usage: MockLLMUsage, latency: Duration) -> [MockLLMStreamEvent] {
        var events = [event(.opening, "messageStart", ["role": "assistant"])]
        let stopReason: String
        switch answer {
        case .text:
            for chunk in chunks {
                events.append(event(.content, "contentBlockDelta", ["contentBlockIndex": 0, "delta": ["text": .string(chunk)]]))
            }
            stopReason = "end_turn"
        case .toolCall(let name, _):
            let start: JSONValue = ["toolUse": ["name": .string(name), "toolUseId": .string(identity.toolUseID)]]
            events.append(event(.opening, "contentBlockStart", ["contentBlockIndex": 0, "start": start]))
            for chunk in chunks {
                let delta: JSONValue = ["toolUse": ["input": .string(chunk)]]
                events.append(event(.content, "contentBlockDelta", ["contentBlockIndex": 0, "delta": delta]))
            }
            stopReason = "tool_use"
        }
        events.append(event(.closing, "contentBlockStop", ["contentBlockIndex": 0]))
        events.append(event(.closing, "messageStop", ["stopReason": .string(stopReason)]))
        let metadata: JSONValue = ["metrics": ["latencyMs": Self.number(latency.wholeMilliseconds)], "usage": Self.usage(usage)]
        events.append(event(.closing, "metadata", metadata))
        return events
    }

    func malformedEvent() -> [UInt8] {
        // A well-framed message whose final CRC is wrong, so decoders fail on the checksum.
        var frame = Self.encode(.event(type: "contentBlockDelta", payload: Array(#"{"contentBlockIndex":0,"delta":{"text":""}}"#.utf8)))
        frame[frame.count - 1] ^= 0xFF
        return frame
    }

    func throttlingEvent() -> [UInt8] {
        let payload: JSONValue = ["message": .string(Self.throttlingMessage)]
        return Self.encode(.exception(type: "throttlingException", payload: Array(payload.compactText.utf8)))
    }

    private func event(_ kind: MockLLMStreamEvent.Kind, _ type: String, _ payload: JSONValue) -> MockLLMStreamEvent {
        MockLLMStreamEvent(kind: kind, bytes: Self.encode(.event(type: type, payload: Array(payload.compactText.utf8))))
    }

    /// Frames of these sizes are far below the 16 MiB limit, the encoder's only failure.
    private static func encode(_ message: EventStreamMessage) -> [UInt8] {
        (try? EventStreamEncoder().encode(message)) ?? []
    }
}
