import EmulatorServer
import MLCommonsCore
import Testing

/// `include_token_usage=true` (3.6+, #4683): the `token_usage` tensor and chunk, with the mock's own counts.
@Suite("Token usage by release")
struct TokenUsageTests {
    static let question = #"{"parameters":{"question":"How many indices are in my cluster?","include_token_usage":"true"}}"#

    /// The `usage` the mock reports for a request body it was sent, asked again (its answers depend only on the request).
    static func replayedUsage(_ client: EmulatorClient, body: String) async throws -> JSONObject {
        let reply = try await client.call(.post, "/__emulator/mock-llm/v1/chat/completions", body)
        return try #require(try reply.json["usage"]?.objectValue, "\(reply.body)")
    }

    @Test func executeAddsTheTensorFrom36WithTheMocksCountsSummed() async throws {
        let before = try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_5_0 }) { client in
            let agent = try await AgentScenarioTests.docsAgent(client)
            return try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", Self.question).json
        }
        let names = before["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["memory_id", "parent_interaction_id", "response"])

        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_6_0 }) { client in
            let agent = try await AgentScenarioTests.docsAgent(client)
            let output = try #require(try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", Self.question)
                .json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue)
            #expect(output.map { $0["name"]?.stringValue } == ["memory_id", "parent_interaction_id", "response", "token_usage"])
            let usage = try #require(output.last?["dataAsMap"]?.objectValue)
            #expect(usage.keys == ["per_turn_usage", "per_model_usage"])
            let turns = try #require(usage["per_turn_usage"]?.arrayValue)

            let bodies = (try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue ?? []).compactMap { $0["body"]?.stringValue }
            #expect(bodies.count == 2 && turns.count == 2)
            var sums: [String: Int] = [:]
            for (turn, body) in zip(turns, bodies) {
                let reported = try await Self.replayedUsage(client, body: body)
                #expect(turn["input_tokens"] == reported["prompt_tokens"])
                #expect(turn["output_tokens"] == reported["completion_tokens"])
                #expect(turn["total_tokens"] == reported["total_tokens"])
                for key in ["input_tokens", "output_tokens", "total_tokens"] {
                    sums[key, default: 0] += turn[key]?.numberValue?.intValue ?? 0
                }
            }
            #expect(turns.map { $0["turn"] } == [1, 2])
            #expect(turns.first?["model_url"] == "https://api.openai.com/v1/chat/completions")
            #expect(turns.first?["model_name"] == "openAI-gpt-3.5-turbo")
            let model = try #require(usage["per_model_usage"]?.arrayValue?.first?.objectValue)
            #expect(model["call_count"] == 2)
            for (key, sum) in sums { #expect(model[key]?.numberValue?.intValue == sum, "\(key)") }
            // The order ml-commons' HashMaps give these keys.
            #expect(Array(model.keys.prefix(6)) == ["model_name", "model_url", "call_count", "total_tokens", "output_tokens", "model_id"])
            #expect(Array(turns[0].objectValue?.keys.prefix(6) ?? []) == ["model_name", "model_url", "total_tokens", "output_tokens", "turn", "model_id"])
        }
    }

    /// Bedrock's ConverseStream reports usage in its `metadata` event: the chunk comes just before the last one.
    @Test(arguments: [OpenSearchVersion.v3_5_0, .v3_6_0])
    func bedrockStreamReportsUsageBeforeTheLastChunk(version: OpenSearchVersion) async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = version }) { client in
            try await PredictStreamTests.enableStreaming(client)
            let agent = try await AgentScenarioTests.docsAgent(client, connector: "create-bedrock-agent-connector")
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", Self.question)
            try GoldenStream.check(reply.body, "execute-stream-bedrock-token-usage-\(version.number)")
        }
    }
}
