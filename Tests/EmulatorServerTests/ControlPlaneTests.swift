import Foundation
import MLCommonsCore
@testable import EmulatorServer
import Testing

@Suite("Control plane under /__emulator")
struct ControlPlaneTests {
    @Test func healthReportsMigrations() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.get, "/__emulator/health")
            #expect(reply.body == #"{"status":"ready","schema_migrations":["v1-indices-documents-settings","v2-deletes-merged-at-once","v3-message-lookups","v4-index-counts"]}"#)
        }
    }

    @Test func resetWipesResourcesAndTransientSettingsOnly() async throws {
        try await EmulatorHarness.withServer { client in
            let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            try await client.call(.put, "/_cluster/settings", #"{"persistent":{"plugins.ml_commons.stream_enabled":true},"transient":{"plugins.ml_commons.memory_feature_enabled":false}}"#)
            #expect(try await client.call(.post, "/__emulator/reset").body == #"{"acknowledged":true}"#)
            #expect(try await client.call(.get, "/_plugins/_ml/connectors/\(connector)").body
                == envelope("status_exception", "Failed to find connector", status: 404))
            #expect(try await client.call(.get, "/_cluster/settings?flat_settings=true").body
                == #"{"persistent":{"plugins.ml_commons.stream_enabled":"true"},"transient":{}}"#)
            try await client.call(.post, "/__emulator/reset?persistent=true")
            #expect(try await client.call(.get, "/_cluster/settings").body == #"{"persistent":{},"transient":{}}"#)
        }
    }

    @Test func resetReturnsTheJournalTheMockScriptAndTheRateLimitersToTheirStart() async throws {
        let script = Fixture.directory.deletingLastPathComponent().appendingPathComponent("mock-llm/example.json").path
        let emulator = try await EmulatorHarness.makeEmulator(configure: { $0.mockScript = script })
        try await EmulatorHarness.withServer(emulator) { client in
            let startScript = try await client.call(.get, "/__emulator/mock-llm/script").body
            let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connector), field: "model_id")
            try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", #"{"parameters":{"messages":[{"role":"user","content":"hi"}]}}"#)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"reply":{"text":"changed"}}}"#)
            let limiter: JSONObject = ["limit": "1", "unit": "MINUTES"]
            #expect(emulator.rateLimiter.tryAcquire(modelID: model, limiter: limiter))
            #expect(!emulator.rateLimiter.tryAcquire(modelID: model, limiter: limiter))
            #expect(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.count == 1)

            try await client.call(.post, "/__emulator/reset")
            #expect(try await client.call(.get, "/__emulator/outbound").body == #"{"calls":[]}"#)
            #expect(try await client.call(.get, "/__emulator/mock-llm/script").body == startScript)
            #expect(emulator.rateLimiter.tryAcquire(modelID: model, limiter: limiter))
        }
    }

    /// The script a GET shows is the one that answers, the built-in reply included; DELETE restores the start.
    @Test func theMockScriptShowsItsBuiltInReplyAndDeleteRestoresIt() async throws {
        try await EmulatorHarness.withServer { client in
            let builtIn = #"{"rules":[],"default":{"reply":{"text":"Mock reply to: {{last_user_message}}"}}}"#
            #expect(try await client.call(.get, "/__emulator/mock-llm/script").body == builtIn)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"rules":[{"name":"r","reply":{"text":"x"}}]}"#)
            #expect(try await client.call(.get, "/__emulator/mock-llm/script").body
                == #"{"rules":[{"name":"r","reply":{"text":"x"}}],"default":{"reply":{"text":"Mock reply to: {{last_user_message}}"}}}"#)
            let deleted = try await client.call(.delete, "/__emulator/mock-llm/script")
            #expect(deleted.body == #"{"acknowledged":true}"#)
            #expect(try await client.call(.get, "/__emulator/mock-llm/script").body == builtIn)
        }
    }

    /// Without a pacing of its own, a script's default waits the configured delay between tokens, and GET says so.
    @Test func theMockTokenDelayPacesScriptsThatSetNoPacing() async throws {
        try await EmulatorHarness.withServer(configure: { $0.mockTokenDelay = .milliseconds(20) }) { client in
            let pacing = #"{"time_to_first_token_ms":0,"delay_between_tokens_ms":20,"tokens_per_chunk":1}"#
            #expect(try await client.call(.get, "/__emulator/mock-llm/script").body
                == #"{"rules":[],"default":{"reply":{"text":"Mock reply to: {{last_user_message}}"},"pacing":\#(pacing)}}"#)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"rules":[{"reply":{"text":"x"}}]}"#)
            #expect(try await client.call(.get, "/__emulator/mock-llm/script").body
                == #"{"rules":[{"reply":{"text":"x"}}],"default":{"reply":{"text":"Mock reply to: {{last_user_message}}"},"pacing":\#(pacing)}}"#)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"pacing":{"delay_between_tokens_ms":0}}}"#)
            #expect(try await client.call(.get, "/__emulator/mock-llm/script").body
                == #"{"rules":[],"default":{"reply":{"text":"Mock reply to: {{last_user_message}}"},"pacing":{"time_to_first_token_ms":0,"delay_between_tokens_ms":0,"tokens_per_chunk":1}}}"#)
        }
    }

    @Test func configNeverShowsTheMasterKey() async throws {
        try await EmulatorHarness.withServer { client in
            let config = try await client.call(.get, "/__emulator/config").json
            #expect(config["data"] == ":memory:")
            #expect(config["master_key_source"] == "store")
            #expect(config["opensearch_version"] == "3.3.0")
        }
    }
}

/// The mock's served log across a reset: an answer still running when the log is cleared must not overwrite a
/// later entry when it ends.
@Suite("Mock served log")
struct MockLLMServedLogTests {
    @Test func aHandleFromBeforeAClearDoesNotTouchNewEntries() {
        let log = MockLLMServedLog()
        let old = log.start(method: "POST", path: "/old", status: 200, at: 1)
        log.clear()
        let new = log.start(method: "POST", path: "/new", status: 200, at: 2)
        log.finish(old, outcome: .completed, at: 3)
        #expect(log.entries.map(\.path) == ["/new"])
        #expect(log.entries.first?.outcome == .answering)
        log.finish(new, outcome: .clientLeft, at: 4)
        #expect(log.entries.first?.outcome == .clientLeft)
    }
}
