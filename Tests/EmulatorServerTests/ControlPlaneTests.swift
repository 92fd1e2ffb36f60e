import MLCommonsCore
import Testing

@Suite("Control plane under /__emulator")
struct ControlPlaneTests {
    @Test func healthReportsMigrations() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.get, "/__emulator/health")
            #expect(reply.body == #"{"status":"ready","schema_migrations":["v1-indices-documents-settings"]}"#)
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

    @Test func configNeverShowsTheMasterKey() async throws {
        try await EmulatorHarness.withServer { client in
            let config = try await client.call(.get, "/__emulator/config").json
            #expect(config["data"] == ":memory:")
            #expect(config["master_key_source"] == "store")
            #expect(config["opensearch_version"] == "3.3.0")
        }
    }
}
