import MLCommonsCore
import Testing

@testable import MockLLM

/// Gemini `generateContent` and its SSE stream, spoken by the mock.
@Suite struct GeminiWireTests {
    static func gemini(_ body: String, stream: Bool = false) -> MockLLMRequest {
        MockLLMRequest(
            method: "POST", host: "generativelanguage.googleapis.com",
            path: "/v1beta/models/gemini-2.0-flash:\(stream ? "streamGenerateContent" : "generateContent")",
            query: stream ? "alt=sse" : "", headers: [("Content-Type", "application/json"), ("x-goog-api-key", "key")],
            body: Array(body.utf8))
    }

    static let question = #"{"systemInstruction":{"parts":[{"text":"Be brief."}]},"contents":[{"role":"user","parts":[{"text":"Hi there"}]}]}"#

    @Test func textAnswerWithUsage() throws {
        let response = TestSupport.mock().respond(to: Self.gemini(Self.question))
        #expect(response.status == 200)
        let json = try JSONParser.parse(Array(response.bodyText.utf8))
        let candidate = try #require(json["candidates"]?.arrayValue?.first)
        #expect(candidate["content"]?["parts"] == [["text": "Mock reply to: Hi there"]])
        #expect(candidate["content"]?["role"] == "model")
        #expect(candidate["finishReason"] == "STOP")
        #expect(json["usageMetadata"] == ["promptTokenCount": 4, "candidatesTokenCount": 5, "totalTokenCount": 9])
        #expect(json["modelVersion"] == "gemini-2.0-flash")
    }

    @Test func functionCallWhenAToolIsOffered() throws {
        let llm = try TestSupport.mock(scriptJSON: #"{"rules":[{"match":{"tools_offered":["Lookup"]},"reply":{"tool_call":{"name":"Lookup","arguments":{"q":"x"}}}}]}"#)
        let body = #"{"contents":[{"role":"user","parts":[{"text":"Find x"}]}],"tools":[{"functionDeclarations":[{"name":"Lookup","description":"d","parameters":{"type":"object"}}]}]}"#
        let json = try JSONParser.parse(Array(llm.respond(to: Self.gemini(body)).bodyText.utf8))
        #expect(json["candidates"]?.arrayValue?.first?["content"]?["parts"] == [["functionCall": ["name": "Lookup", "args": ["q": "x"]]]])
    }

    @Test func streamEndsWithTheFinishReasonAndUsage() throws {
        let response = TestSupport.mock().respond(to: Self.gemini(Self.question, stream: true))
        #expect(response.headerValue(named: "content-type") == "text/event-stream")
        let events = response.bodyText.components(separatedBy: "\r\n\r\n").filter { !$0.isEmpty }
        #expect(events.count == 5)
        let last = try JSONParser.parse(Array(events.last!.dropFirst("data: ".count).utf8))
        #expect(last["candidates"]?.arrayValue?.first?["finishReason"] == "STOP")
        #expect(last["usageMetadata"]?["totalTokenCount"] == 9)
        let first = try JSONParser.parse(Array(events[0].dropFirst("data: ".count).utf8))
        #expect(first["candidates"]?.arrayValue?.first?["finishReason"] == nil)
        #expect(first["usageMetadata"] == nil)
    }

    @Test func errorsInGooglesShape() throws {
        let llm = try TestSupport.mock(scriptJSON: #"{"default":{"fault":{"type":"rate_limit"}}}"#)
        let response = llm.respond(to: Self.gemini(Self.question))
        #expect(response.status == 429)
        #expect(response.bodyText == #"{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}"#)
    }
}
