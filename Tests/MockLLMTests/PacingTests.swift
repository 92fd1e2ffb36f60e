import Testing

@testable import MockLLM

@Suite struct PacingTests {
    static let script = #"{"rules":[{"reply":{"text":"a b c d e"},"pacing":{"time_to_first_token_ms":200,"delay_between_tokens_ms":50,"tokens_per_chunk":2}}]}"#

    @Test func openAIStreamDelays() throws {
        let llm = try TestSupport.mock(scriptJSON: Self.script)
        let response = llm.respond(to: TestSupport.openAI(#"{"model":"m","messages":[],"stream":true}"#))
        // role chunk, "a b", " c d", " e", finish, [DONE]
        #expect(response.frames.map(\.delay) == [.milliseconds(200), .zero, .milliseconds(50), .milliseconds(50), .zero, .zero])
        #expect(TestSupport.sseData(response)[1...3].map { $0.contains(#""content":"a b""#) || $0.contains(#"" c d""#) || $0.contains(#"" e""#) }
            == [true, true, true])
    }

    @Test func bedrockStreamDelays() throws {
        let llm = try TestSupport.mock(scriptJSON: Self.script)
        let response = llm.respond(to: TestSupport.bedrock(#"{"messages":[]}"#, stream: true))
        // messageStart, three deltas, contentBlockStop, messageStop, metadata
        #expect(response.frames.map(\.delay)
            == [.milliseconds(200), .zero, .milliseconds(50), .milliseconds(50), .zero, .zero, .zero])
        #expect(try TestSupport.eventSummary(response).last?.contains(#""latencyMs":300"#) == true)
    }

    @Test func nonStreamWaitsForTheWholeGeneration() throws {
        let llm = try TestSupport.mock(scriptJSON: Self.script)
        let openAI = llm.respond(to: TestSupport.openAI(#"{"model":"m","messages":[]}"#))
        #expect(openAI.frames.map(\.delay) == [.milliseconds(300)])
        let bedrock = llm.respond(to: TestSupport.bedrock(#"{"messages":[]}"#))
        #expect(bedrock.frames.map(\.delay) == [.milliseconds(300)])
        #expect(try TestSupport.json(bedrock)["metrics"]?["latencyMs"] == 300)
    }

    @Test func toolArgumentsArePacedToo() throws {
        let script = #"{"rules":[{"reply":{"tool_call":{"name":"T","arguments":{"q":"one two three"}}},"pacing":{"time_to_first_token_ms":10,"delay_between_tokens_ms":5}}]}"#
        let llm = try TestSupport.mock(scriptJSON: script)
        let response = llm.respond(to: TestSupport.openAI(#"{"model":"m","messages":[],"stream":true}"#))
        // header chunk, three argument fragments, finish, [DONE]
        #expect(response.frames.map(\.delay) == [.milliseconds(10), .zero, .milliseconds(5), .milliseconds(5), .zero, .zero])
    }

    @Test func defaultPacingIsImmediate() {
        let response = TestSupport.mock().respond(to: TestSupport.openAI(#"{"model":"m","messages":[],"stream":true}"#))
        #expect(response.frames.allSatisfy { $0.delay == .zero })
    }
}
