import EmulatorServer
import MLCommonsCore
import Testing

/// Each streaming change since 3.3 over real sockets, as whole golden bodies under the last release without it
/// and the first release with it (`fixtures/golden/*-<version>.sse`).
@Suite("Stream changes by release")
struct VersionedStreamTests {
    static func withVersion<T: Sendable>(
        _ version: OpenSearchVersion, _ body: @Sendable (EmulatorClient) async throws -> T
    ) async throws -> T {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = version }) { client in
            try await PredictStreamTests.enableStreaming(client)
            return try await body(client)
        }
    }

    /// The docs' agent scenario: 3.3 and 3.5 stream the same chunks; 3.8 drops the empty chunk after the tool call.
    @Test(arguments: [OpenSearchVersion.v3_5_0, .v3_8_0])
    func documentedAgentScenario(version: OpenSearchVersion) async throws {
        try await Self.withVersion(version) { client in
            let agent = try await AgentScenarioTests.docsAgent(client)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", AgentScenarioTests.question)
            try GoldenStream.check(reply.body, "execute-stream-chat-agent-openai-\(version.number)")
        }
    }

    /// Bedrock's tool-input fragments reach the client as content chunks from 3.5.
    @Test(arguments: [OpenSearchVersion.v3_3_0, .v3_5_0])
    func bedrockAgentScenario(version: OpenSearchVersion) async throws {
        try await Self.withVersion(version) { client in
            let agent = try await AgentScenarioTests.docsAgent(client, connector: "create-bedrock-agent-connector")
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", AgentScenarioTests.question)
            try GoldenStream.check(reply.body, "execute-stream-chat-agent-bedrock-\(version.number)")
        }
    }

    /// An upstream cut mid-answer: `{"error": …}` in 3.3, the stream's last ordinary chunk from 3.5.
    @Test(arguments: [OpenSearchVersion.v3_4_0, .v3_5_0])
    func inBandFailure(version: OpenSearchVersion) async throws {
        try await Self.withVersion(version) { client in
            let agent = try await AgentExecuteTests.agent(client)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"fault":{"type":"close_mid_stream","after_chunks":2}}}"#)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", #"{"parameters":{"question":"Hi"}}"#)
            try GoldenStream.check(reply.body, "execute-stream-upstream-cut-\(version.number)")
        }
    }

    /// A request that fails before the agent runs: `Error processing request: …` until 3.6, the cause's own text from 3.7.
    @Test(arguments: [OpenSearchVersion.v3_6_0, .v3_7_0])
    func failedRequest(version: OpenSearchVersion) async throws {
        try await Self.withVersion(version) { client in
            let agent = try await AgentExecuteTests.agent(client)
            try await client.call(.put, "/_cluster/settings", #"{"transient":{"plugins.ml_commons.agent_framework_enabled":false}}"#)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", #"{"parameters":{"question":"Hi"}}"#)
            try GoldenStream.check(reply.body, "execute-stream-framework-off-\(version.number)")
        }
    }

    /// MCP passthrough headers are refused from 3.5 while their flag is off, even before the stream flag.
    @Test func mcpPassthroughHeadersArePrecheckedFrom35() async throws {
        let headers = ["aws-region": "us-east-1"]
        let before = try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_4_0 }) { client in
            try await client.call(.post, "/_plugins/_ml/agents/a/_execute/stream", "{}", headers: headers)
        }
        #expect(before.status == 500)  // the stream flag is off: 3.4 has no earlier check
        let after = try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_5_0 }) { client in
            try await client.call(.post, "/_plugins/_ml/agents/a/_execute/stream", "{}", headers: headers)
        }
        #expect(after.body == envelope("illegal_argument_exception",
            "MCP header passthrough is not enabled. To enable, please update the setting: plugins.ml_commons.mcp_header_passthrough_enabled", status: 400))
        let allowed = try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_5_0 }) { client in
            try await client.call(.put, "/_cluster/settings", #"{"transient":{"plugins.ml_commons.mcp_header_passthrough_enabled":true}}"#)
            return try await client.call(.post, "/_plugins/_ml/agents/a/_execute/stream", "{}", headers: headers)
        }
        #expect(allowed.status == 500)  // past the check, the stream flag answers
    }
}
