import MLCommonsCore
import Testing
import WireFormats

@testable import MockLLM

@Suite struct FaultTests {
    static let streamBody = #"{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}],"stream":true}"#
    static let plainBody = #"{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}]}"#
    static let bedrockBody = #"{"messages":[{"role":"user","content":[{"text":"Hi"}]}]}"#

    func llm(fault: String) throws -> MockLLM {
        try TestSupport.mock(scriptJSON: #"{"rules":[{"reply":{"text":"one two three"},"fault":\#(fault)}]}"#)
    }

    @Test func httpErrorWithScriptedBody() throws {
        let llm = try llm(fault: #"{"type":"http_error","status":502,"body":"<html>bad gateway</html>"}"#)
        let response = llm.respond(to: TestSupport.openAI(Self.streamBody))
        #expect(response.status == 502)
        #expect(response.bodyText == "<html>bad gateway</html>")
        #expect(response.headerValue(named: "content-type") == "text/plain; charset=utf-8")
        let json = llm.respond(to: TestSupport.bedrock(Self.bedrockBody))
        #expect(json.status == 502)
    }

    @Test func httpErrorInProviderFormat() throws {
        let llm = try llm(fault: #"{"type":"http_error"}"#)
        let openAI = llm.respond(to: TestSupport.openAI(Self.plainBody))
        #expect(openAI.status == 500)
        #expect(openAI.bodyText
            == #"{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}"#)
        let bedrock = llm.respond(to: TestSupport.bedrock(Self.bedrockBody, stream: true))
        #expect(bedrock.status == 500)
        #expect(bedrock.headerValue(named: "x-amzn-ErrorType") == "InternalServerException")
        #expect(bedrock.bodyText == #"{"message":"The system encountered an unexpected error during processing. Try your request again."}"#)
    }

    @Test func rateLimit() throws {
        let llm = try llm(fault: #"{"type":"rate_limit"}"#)
        let openAI = llm.respond(to: TestSupport.openAI(Self.streamBody))
        #expect(openAI.status == 429)
        let error = try TestSupport.json(openAI)["error"]
        #expect(error?["type"] == "requests")
        #expect(error?["code"] == "rate_limit_exceeded")
        #expect(error?["param"] == .null)
        #expect(error?["message"]?.stringValue?.hasPrefix("Rate limit reached for gpt-4o") == true)

        for stream in [false, true] {
            let bedrock = llm.respond(to: TestSupport.bedrock(Self.bedrockBody, stream: stream))
            #expect(bedrock.status == 429)
            #expect(bedrock.headerValue(named: "x-amzn-ErrorType") == "ThrottlingException")
            #expect(bedrock.bodyText == #"{"message":"Too many requests, please wait before trying again."}"#)
        }
    }

    @Test func rateLimitInStream() throws {
        let llm = try llm(fault: #"{"type":"rate_limit","after_chunks":2}"#)
        let bedrock = llm.respond(to: TestSupport.bedrock(Self.bedrockBody, stream: true))
        #expect(bedrock.status == 200)
        let messages = try TestSupport.eventMessages(bedrock)
        #expect(messages.map { $0.eventType ?? $0.exceptionType } == ["messageStart", "contentBlockDelta", "throttlingException"])
        #expect(messages[2].messageType == "exception")
        #expect(messages[2].contentType == "application/json")
        #expect(String(decoding: messages[2].payload, as: UTF8.self) == #"{"message":"Too many requests, please wait before trying again."}"#)

        let openAI = llm.respond(to: TestSupport.openAI(Self.streamBody))
        let data = TestSupport.sseData(openAI)
        #expect(data.count == 3)
        #expect(try JSONParser.parse(data[2])["error"]?["code"] == "rate_limit_exceeded")
        // A non-stream request has nothing to interrupt, so it gets the plain 429.
        #expect(llm.respond(to: TestSupport.openAI(Self.plainBody)).status == 429)
    }

    @Test func closeMidStream() throws {
        let llm = try llm(fault: #"{"type":"close_mid_stream","after_chunks":2}"#)
        let openAI = llm.respond(to: TestSupport.openAI(Self.streamBody))
        #expect(openAI.status == 200)
        #expect(openAI.frames.count == 2)
        #expect(openAI.ending == .dropConnection)
        #expect(!openAI.bodyText.contains("[DONE]"))

        let bedrock = llm.respond(to: TestSupport.bedrock(Self.bedrockBody, stream: true))
        #expect(try TestSupport.eventMessages(bedrock).map(\.eventType) == ["messageStart", "contentBlockDelta"])
        #expect(bedrock.ending == .dropConnection)

        let plain = llm.respond(to: TestSupport.openAI(Self.plainBody))
        #expect(plain.ending == .dropConnection)
        #expect((try? JSONParser.parse(plain.body)) == nil)
    }

    @Test func malformedSSEChunk() throws {
        let llm = try llm(fault: #"{"type":"malformed_chunk","after_chunks":2}"#)
        let response = llm.respond(to: TestSupport.openAI(Self.streamBody))
        let data = TestSupport.sseData(response)
        // role, "one", <broken>, " two", " three", finish, [DONE]
        #expect(data.count == 7)
        #expect((try? JSONParser.parse(data[2])) == nil)
        #expect(data[2].hasPrefix(#"{"id":"chatcmpl-mock-"#))
        #expect(data.enumerated().filter { $0.offset != 2 && $0.offset != 6 }.allSatisfy { (try? JSONParser.parse($0.element)) != nil })
        #expect(data.last == "[DONE]")
        #expect(response.ending == .complete)
    }

    @Test func malformedEventStreamFrame() throws {
        let llm = try llm(fault: #"{"type":"malformed_chunk","after_chunks":1}"#)
        let response = llm.respond(to: TestSupport.bedrock(Self.bedrockBody, stream: true))
        var decoder = EventStreamDecoder()
        let good = try decoder.feed(response.frames[0].bytes)
        #expect(good.map(\.eventType) == ["messageStart"])
        #expect(throws: EventStreamError.self) { _ = try decoder.feed(response.frames[1].bytes) }
    }

    @Test func malformedNonStreamBody() throws {
        let llm = try llm(fault: #"{"type":"malformed_chunk"}"#)
        let response = llm.respond(to: TestSupport.bedrock(Self.bedrockBody))
        #expect(response.status == 200)
        #expect((try? JSONParser.parse(response.body)) == nil)
        #expect(response.ending == .complete)
    }

    @Test func noAnswer() throws {
        let llm = try llm(fault: #"{"type":"no_answer"}"#)
        for request in [TestSupport.openAI(Self.streamBody), TestSupport.openAI(Self.plainBody), TestSupport.bedrock(Self.bedrockBody, stream: true)] {
            let response = llm.respond(to: request)
            #expect(response.frames.isEmpty)
            #expect(response.ending == .hang)
        }
        let partial = try self.llm(fault: #"{"type":"no_answer","after_chunks":3}"#).respond(to: TestSupport.openAI(Self.streamBody))
        #expect(partial.frames.count == 3)
        #expect(partial.ending == .hang)
    }
}
