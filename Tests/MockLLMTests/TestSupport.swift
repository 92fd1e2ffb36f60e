import MLCommonsCore
import WireFormats

@testable import MockLLM

/// Fixed inputs so every response is byte-for-byte reproducible.
enum TestSupport {
    static let created: Int64 = 1_700_000_000
    static let clock: @Sendable () -> InstantTime = { InstantTime(seconds: created, nanoseconds: 0) }

    static func mock(_ script: MockLLMScript = .empty, awsSecrets: [String: String] = [:]) -> MockLLM {
        MockLLM(script: script, awsSecrets: awsSecrets, clock: clock)
    }

    static func mock(scriptJSON: String) throws -> MockLLM {
        mock(try MockLLMScript(text: scriptJSON))
    }

    static func openAI(_ body: String, path: String = "/v1/chat/completions") -> MockLLMRequest {
        MockLLMRequest(
            method: "POST", host: "api.openai.com", path: path,
            headers: [("Content-Type", "application/json"), ("Authorization", "Bearer sk-test")],
            body: Array(body.utf8))
    }

    static func bedrock(_ body: String, model: String = "anthropic.claude-3-sonnet-20240229-v1%3A0", stream: Bool = false) -> MockLLMRequest {
        MockLLMRequest(
            method: "POST", host: "bedrock-runtime.us-east-1.amazonaws.com",
            path: "/model/\(model)/\(stream ? "converse-stream" : "converse")",
            headers: [("Content-Type", "application/json")],
            body: Array(body.utf8))
    }

    /// The `data:` payloads of an SSE body, in order.
    static func sseData(_ response: MockLLMResponse) -> [String] {
        response.bodyText.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { String($0.dropFirst("data: ".count)) }
    }

    /// The event-stream messages of a body, decoded.
    static func eventMessages(_ response: MockLLMResponse) throws -> [EventStreamMessage] {
        var decoder = EventStreamDecoder()
        let messages = try decoder.feed(response.body)
        try decoder.finish()
        return messages
    }

    /// `eventType payload` per message, for compact comparisons.
    static func eventSummary(_ response: MockLLMResponse) throws -> [String] {
        try eventMessages(response).map { message in
            "\(message.eventType ?? message.exceptionType ?? "?") \(String(decoding: message.payload, as: UTF8.self))"
        }
    }

    static func json(_ response: MockLLMResponse) throws -> JSONValue {
        try JSONParser.parse(response.body)
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension TestSupport {
    /// The bytes of `fixtures/mock-llm/<name>.json` of this package.
    static func fixture(_ name: String) throws -> [UInt8] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return Array(try Data(contentsOf: root.appendingPathComponent("fixtures/mock-llm/\(name).json")))
    }
}
