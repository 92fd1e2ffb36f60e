import EmulatorServer
import MLCommonsCore
import Testing

/// `--opensearch-version` over real sockets: what `GET /`, the settings API and the control plane report.
@Suite("Version profiles over HTTP")
struct VersionProfileAPITests {
    static func withVersion<T: Sendable>(
        _ version: OpenSearchVersion, _ body: @Sendable (EmulatorClient) async throws -> T
    ) async throws -> T {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = version }, body)
    }

    @Test func rootReportsTheRelease() async throws {
        let old = try await Self.withVersion(.v3_3_0) { try await $0.call(.get, "/?pretty=false").json["version"] }
        #expect(old?["number"] == "3.3.0")
        #expect(old?["lucene_version"] == "10.3.1")
        let new = try await Self.withVersion(.v3_9_0) { try await $0.call(.get, "/?pretty=false").json["version"] }
        #expect(new?["number"] == "3.9.0")
        #expect(new?["lucene_version"] == "10.5.1")
        #expect(new?["minimum_wire_compatibility_version"] == "2.19.0")
        let config = try await Self.withVersion(.v3_8_0) { try await $0.call(.get, "/__emulator/config").json }
        #expect(config["opensearch_version"] == "3.8.0")
    }

    static func defaults(_ version: OpenSearchVersion) async throws -> JSONObject {
        try await withVersion(version) { client in
            try #require(try await client.call(.get, "/_cluster/settings?include_defaults=true&flat_settings=true").json["defaults"]?.objectValue)
        }
    }

    /// The two releases' defaults differ by the settings 3.4 to 3.9 added and the defaults they changed, no more.
    @Test func settingsDefaultsDifferByTheReleasesChanges() async throws {
        let old = try await Self.defaults(.v3_3_0)
        let new = try await Self.defaults(.v3_9_0)
        let added = Set(new.keys).subtracting(old.keys)
        #expect(Set(old.keys).isSubset(of: Set(new.keys)))
        #expect(added.count == 19)
        #expect(added.contains("plugins.ml_commons.ag_ui_enabled") && added.contains("plugins.ml_commons.agentic_search_template_enabled"))
        let changed = old.keys.filter { old[$0] != new[$0] }.sorted()
        #expect(changed == [
            "plugins.ml_commons.max_batch_inference_tasks", "plugins.ml_commons.max_batch_ingestion_tasks",
            "plugins.ml_commons.trusted_connector_endpoints_regex",
        ])
        #expect(old["plugins.ml_commons.max_batch_inference_tasks"] == "10")
        #expect(new["plugins.ml_commons.max_batch_inference_tasks"] == "100")
        #expect(new["plugins.ml_commons.unified_agent_api_enabled"] == "true")
    }

    @Test func aSettingFromALaterReleaseIsNotRecognised() async throws {
        let update = #"{"persistent":{"plugins.ml_commons.ag_ui_enabled":true}}"#
        let refused = try await Self.withVersion(.v3_4_0) { try await $0.call(.put, "/_cluster/settings", update) }
        #expect(refused.status == 400)
        #expect(refused.body == envelope(
            "illegal_argument_exception", "persistent setting [plugins.ml_commons.ag_ui_enabled], not recognized", status: 400))
        let accepted = try await Self.withVersion(.v3_5_0) { try await $0.call(.put, "/_cluster/settings", update) }
        #expect(accepted.status == 200)
    }
}

/// 3.5's sanitised agent errors (#4315) against 3.4's, over HTTP.
@Suite("Agent error texts by release")
struct AgentErrorTextTests {
    static func register(_ version: OpenSearchVersion, _ body: String) async throws -> String {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = version }) { client in
            try await client.call(.post, "/_plugins/_ml/agents/_register", body).json["error"]?["reason"]?.stringValue ?? ""
        }
    }

    @Test func registrationErrorsDropTheOffendingValueFrom35() async throws {
        let badType = #"{"name":"a","type":"wizard"}"#
        #expect(try await Self.register(.v3_4_0, badType) == "wizard is not a valid Agent Type")
        #expect(try await Self.register(.v3_5_0, badType) == "Invalid Agent Type")
        let twice = #"{"name":"a","type":"flow","tools":[{"type":"ListIndexTool"},{"type":"ListIndexTool"}]}"#
        #expect(try await Self.register(.v3_4_0, twice) == "Duplicate tool defined: ListIndexTool")
        #expect(try await Self.register(.v3_5_0, twice) == "Duplicate tool defined in agent configuration")
        let interface = #"{"name":"a","type":"flow","parameters":{"_llm_interface":"telepathy"}}"#
        #expect(try await Self.register(.v3_4_0, interface) == "Invalid _llm_interface: telepathy")
        #expect(try await Self.register(.v3_5_0, interface) == "Invalid _llm_interface")
    }
}

/// 3.5's extra LLM call when `max_iteration` runs out (#4575).
@Suite("Max-iteration summary by release")
struct MaxIterationSummaryTests {
    static let script = #"""
        {"rules":[
          {"name":"summarise","match":{"last_user_message":"Completed Steps:"},"reply":{"text":"Listed the indices."}},
          {"name":"call","match":{"tools_offered":["RetrieveIndexMetaTool"]},"reply":{"tool_call":{"name":"RetrieveIndexMetaTool","arguments":{}}}}]}
        """#

    /// One step allowed: the agent's answer after its first (tool-calling) LLM turn, and the calls it made.
    static func answer(_ version: OpenSearchVersion, connector: String) async throws -> (answer: String, calls: Int) {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = version }) { client in
            let agent = try await AgentScenarioTests.docsAgent(client, connector: connector)
            try await client.call(.put, "/__emulator/mock-llm/script", Self.script)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute",
                #"{"parameters":{"question":"How many indices are in my cluster?","max_iteration":"1"}}"#)
            let output = try #require(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue, "\(reply.body)")
            let answer = try #require(output.last?["dataAsMap"]?["response"]?.stringValue, "\(reply.body)")
            let calls = try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.count ?? 0
            return (answer, calls)
        }
    }

    @Test func bedrockSummarisesTheStepsFrom35() async throws {
        let before = try await Self.answer(.v3_4_0, connector: "create-bedrock-agent-connector")
        #expect(before.answer.hasPrefix("Agent reached maximum iterations (1) without completing the task"))
        #expect(before.calls == 1)
        let after = try await Self.answer(.v3_5_0, connector: "create-bedrock-agent-connector")
        #expect(after.answer == "Agent reached maximum iterations (1) without completing the task. Here's a summary of the steps completed so far:\n\nListed the indices.")
        #expect(after.calls == 2)
    }

    /// An OpenAI answer has neither `response` nor `output`, so ml-commons makes the call and keeps 3.3's text.
    @Test func openAIMakesTheCallButKeepsTheOldText() async throws {
        let before = try await Self.answer(.v3_4_0, connector: "create-openai-agent-connector")
        let after = try await Self.answer(.v3_5_0, connector: "create-openai-agent-connector")
        #expect(after.answer == before.answer)
        #expect(before.calls == 1 && after.calls == 2)
    }
}
