import MLCommonsCore
import Testing

@testable import MockLLM

@Suite struct OpenAIWireTests {
    static let helloScript = #"{"rules":[{"name":"hello","reply":{"text":"Hello world"}}]}"#
    static let toolScript = #"{"rules":[{"reply":{"tool_call":{"name":"RetrieveIndexMetaTool","arguments":{"indices":[]}}}}]}"#

    @Test func twoTokenStreamIsByteExact() throws {
        let llm = try TestSupport.mock(scriptJSON: Self.helloScript)
        let response = llm.respond(to: TestSupport.openAI(#"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],"stream":true}"#))

        let head = #"{"id":"chatcmpl-mock-ID","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","service_tier":"default","system_fingerprint":null,"choices":[{"index":0,"delta":"#
            .replacingOccurrences(of: "ID", with: "c733f0cd9b4d16e5")
        let expected = "data: \(head){\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            + "data: \(head){\"content\":\"Hello\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            + "data: \(head){\"content\":\" world\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n"
            + "data: \(head){},\"logprobs\":null,\"finish_reason\":\"stop\"}]}\n\n"
            + "data: [DONE]\n\n"
        #expect(response.status == 200)
        #expect(response.headerValue(named: "content-type") == "text/event-stream")
        #expect(response.bodyText == expected)
        #expect(response.frames.count == 5)
        #expect(response.ending == .complete)
        #expect(response.headerValue(named: "x-mock-llm-rule") == "hello")
    }

    @Test func nonStreamTextIsByteExact() throws {
        let llm = try TestSupport.mock(scriptJSON: Self.helloScript)
        let response = llm.respond(to: TestSupport.openAI(#"{"model":"gpt-3.5-turbo","messages":[{"role":"developer","content":"Be brief."},{"role":"user","content":"Hi there"}]}"#))
        let expected = #"{"id":"chatcmpl-mock-ID","object":"chat.completion","created":1700000000,"model":"gpt-3.5-turbo","choices":[{"index":0,"message":{"role":"assistant","content":"Hello world","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":4,"completion_tokens":2,"total_tokens":6,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":null}"#
            .replacingOccurrences(of: "ID", with: "927162ba93c568dd")
        #expect(response.status == 200)
        #expect(response.headerValue(named: "content-type") == "application/json")
        #expect(response.frames.count == 1)
        #expect(response.bodyText == expected)
    }

    @Test func toolCallNonStream() throws {
        let llm = try TestSupport.mock(scriptJSON: Self.toolScript)
        let response = llm.respond(to: TestSupport.openAI(#"{"model":"gpt-4o","messages":[{"role":"user","content":"How many indices?"}]}"#))
        let json = try TestSupport.json(response)
        let choice = try #require(json["choices"]?.arrayValue?.first)
        let message = try #require(choice["message"])
        #expect(choice["finish_reason"] == "tool_calls")
        #expect(message["content"] == .null)
        #expect(message.objectValue?.keys == ["role", "content", "tool_calls", "refusal", "annotations"])
        let call = try #require(message["tool_calls"]?.arrayValue?.first)
        #expect(call.compactText.hasPrefix(#"{"id":"call_mock_"#))
        #expect(call["type"] == "function")
        #expect(call["function"] == ["name": "RetrieveIndexMetaTool", "arguments": #"{"indices":[]}"#])
    }

    @Test func toolCallStream() throws {
        let script = #"{"rules":[{"reply":{"tool_call":{"name":"get_weather","arguments":{"city":"Paris France"}}}}]}"#
        let llm = try TestSupport.mock(scriptJSON: script)
        let response = llm.respond(to: TestSupport.openAI(#"{"model":"gpt-4o","messages":[{"role":"user","content":"Weather?"}],"stream":true}"#))
        let data = TestSupport.sseData(response)
        let choices = try data.dropLast().map { try #require(JSONParser.parse($0)["choices"]?.arrayValue?.first) }
        let callID = try #require(choices[0]["delta"]?["tool_calls"]?.arrayValue?.first?["id"]?.stringValue)

        #expect(callID.hasPrefix("call_mock_"))
        #expect(choices[0]["delta"]?.compactText
            == #"{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"\#(callID)","type":"function","function":{"name":"get_weather","arguments":""}}],"refusal":null}"#)
        #expect(choices[1]["delta"]?.compactText == #"{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":\"Paris"}}]}"#)
        #expect(choices[2]["delta"]?.compactText == #"{"tool_calls":[{"index":0,"function":{"arguments":" France\"}"}}]}"#)
        #expect(choices[3].compactText == #"{"index":0,"delta":{},"logprobs":null,"finish_reason":"tool_calls"}"#)
        #expect(choices.count == 4)
        #expect(data.last == "[DONE]")
    }

    @Test func includeUsageAddsUsageChunk() throws {
        let llm = try TestSupport.mock(scriptJSON: Self.helloScript)
        let body = #"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],"stream":true,"stream_options":{"include_usage":true}}"#
        let data = TestSupport.sseData(llm.respond(to: TestSupport.openAI(body)))
        let chunks = try data.dropLast().map { try JSONParser.parse($0) }

        #expect(chunks.dropLast().allSatisfy { $0["usage"] == .null })
        let usageChunk = try #require(chunks.last)
        #expect(usageChunk["choices"] == [])
        #expect(usageChunk["usage"]?["prompt_tokens"] == 1)
        #expect(usageChunk["usage"]?["completion_tokens"] == 2)
        #expect(usageChunk["usage"]?["total_tokens"] == 3)
        #expect(data.last == "[DONE]")
    }

    @Test func withoutIncludeUsageChunksHaveNoUsage() throws {
        let llm = try TestSupport.mock(scriptJSON: Self.helloScript)
        let data = TestSupport.sseData(llm.respond(to: TestSupport.openAI(#"{"model":"m","messages":[],"stream":true}"#)))
        #expect(try data.dropLast().allSatisfy { try JSONParser.parse($0)["usage"] == nil })
    }

    @Test func contentPartsAreRead() throws {
        let llm = TestSupport.mock()
        let body = #"{"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"text","text":"part one"},{"type":"image_url","image_url":{"url":"x"}},{"type":"text","text":"part two"}]}]}"#
        let json = try TestSupport.json(llm.respond(to: TestSupport.openAI(body)))
        #expect(json["choices"]?.arrayValue?.first?["message"]?["content"] == "Mock reply to: part one\npart two")
    }

    @Test func sameRequestSameBytes() throws {
        let body = #"{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}],"stream":true}"#
        let first = TestSupport.mock().respond(to: TestSupport.openAI(body))
        let second = TestSupport.mock().respond(to: TestSupport.openAI(body))
        let other = TestSupport.mock().respond(to: TestSupport.openAI(body.replacingOccurrences(of: "Hi", with: "Yo")))
        #expect(first.body == second.body)
        #expect(try JSONParser.parse(TestSupport.sseData(first)[0])["id"] != JSONParser.parse(TestSupport.sseData(other)[0])["id"])
    }
}
