import MLCommonsCore
import Testing

/// Whole end-to-end stream bodies against `fixtures/golden/*.sse` (see `GoldenStream`; regenerate with
/// `REGENERATE_GOLDEN=1 swift test --filter GoldenStream`).
@Suite("Golden end-to-end streams")
struct GoldenStreamTests {
    /// The documentation's `_predict/stream` flow: streaming on, a model registered with its connector inline,
    /// the documented predict request.
    static func documentedPredictStream(_ client: EmulatorClient, register: String, predict: String) async throws -> Reply {
        try await PredictStreamTests.enableStreaming(client)
        let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.request(register), field: "model_id")
        let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict/stream", Fixture.request(predict))
        #expect(reply.status == 200)
        #expect(reply.headers[.contentType] == "text/event-stream")
        return reply
    }

    @Test func openAIPredictStream() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await Self.documentedPredictStream(
                client, register: "register-openai-stream-model", predict: "predict-stream-openai")
            try GoldenStream.check(reply.body, "predict-stream-openai")
        }
    }

    @Test func bedrockConverseStreamPredictStream() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await Self.documentedPredictStream(
                client, register: "register-bedrock-stream-model", predict: "predict-stream-bedrock")
            try GoldenStream.check(reply.body, "predict-stream-bedrock")
        }
    }

    /// The documentation's conversational agent: a RetrieveIndexMetaTool call, its CSV, then the answer.
    @Test func documentedAgentExecuteStreamWithToolCall() async throws {
        try await EmulatorHarness.withServer { client in
            try await PredictStreamTests.enableStreaming(client)
            let agent = try await AgentScenarioTests.docsAgent(client)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", AgentScenarioTests.question)
            #expect(reply.status == 200)
            #expect(reply.headers[.contentType] == "text/event-stream")
            try GoldenStream.check(reply.body, "execute-stream-chat-agent-openai")
        }
    }

    /// The upstream drops the connection after two chunks: the chunks so far, then the error chunk.
    @Test func openAIUpstreamClosedMidStream() async throws {
        let script = try #require(FaultMatrixTests.faults.first(where: { $0.contains(#""close_mid_stream""#) }))
        try await EmulatorHarness.withServer { client in
            try await PredictStreamTests.enableStreaming(client)
            let model = try await PredictAPITests.openAIModel(client)
            try await client.call(.put, "/__emulator/mock-llm/script", script)
            let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict/stream", FaultMatrixTests.question)
            #expect(reply.status == 200)
            try GoldenStream.check(reply.body, "predict-stream-openai-close-mid-stream")
        }
    }
}
