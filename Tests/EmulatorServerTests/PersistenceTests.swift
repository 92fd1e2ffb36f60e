import EmulatorServer
import Foundation
import MLCommonsCore
import MLStore
import Testing

@Suite("Store persistence and secrets at rest")
struct PersistenceTests {
    static func temporaryStore() -> (StoreLocation, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlce-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (.file(directory.appendingPathComponent("data.sqlite").path), directory)
    }

    struct Created: Sendable {
        var connector = "", model = "", agent = "", memory = "", message = ""
    }

    @Test func restartKeepsResourcesAndPersistentSettingsButNotTransientOnes() async throws {
        let (location, directory) = Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }

        let created = try await EmulatorHarness.withServer(location) { client in
            var created = Created()
            created.connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            created.model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: created.connector), field: "model_id")
            created.agent = try await client.id(.post, "/_plugins/_ml/agents/_register", #"{"name":"flow","type":"flow"}"#, field: "agent_id")
            created.memory = try await client.id(.post, "/_plugins/_ml/memory", #"{"name":"kept"}"#, field: "memory_id")
            created.message = try await client.id(.post, "/_plugins/_ml/memory/\(created.memory)/messages", #"{"input":"hi"}"#, field: "message_id")
            try await client.call(.put, "/_cluster/settings", #"{"persistent":{"plugins.ml_commons.stream_enabled":true},"transient":{"plugins.ml_commons.memory_feature_enabled":false}}"#)
            return created
        }

        try await EmulatorHarness.withServer(location) { (client: EmulatorClient) async throws in
            #expect(try await client.call(.get, "/_plugins/_ml/connectors/\(created.connector)").status == 200)
            #expect(try await client.call(.get, "/_plugins/_ml/models/\(created.model)").status == 200)
            #expect(try await client.call(.get, "/_plugins/_ml/agents/\(created.agent)").status == 200)
            #expect(try await client.call(.get, "/_plugins/_ml/memory/\(created.memory)").status == 200)
            #expect(try await client.call(.get, "/_plugins/_ml/memory/message/\(created.message)").json["input"] == "hi")
            #expect(try await client.call(.get, "/_cluster/settings?flat_settings=true").body
                == #"{"persistent":{"plugins.ml_commons.stream_enabled":"true"},"transient":{}}"#)
        }
    }

    @Test func credentialsNeverAppearInResponsesOrOnDisk() async throws {
        let (location, directory) = Self.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = "sk-test-secret-0123456789"
        let bodies = try await EmulatorHarness.withServer(location) { client in
            var seen: [String] = []
            let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            let inline = #"{"name":"inline","function_name":"remote","connector":\#(Fixture.openAIConnector)}"#
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", inline, field: "model_id")
            try await client.call(.put, "/_plugins/_ml/connectors/\(connector)", #"{"credential":{"openAI_key":"\#(secret)-rotated"}}"#)
            for uri in ["/_plugins/_ml/connectors/\(connector)", "/_plugins/_ml/models/\(model)"] {
                seen.append(try await client.call(.get, uri).body)
            }
            for uri in ["/_plugins/_ml/connectors/_search", "/_plugins/_ml/models/_search"] {
                seen.append(try await client.call(.get, uri).body)
                // Even a search that asks for the credential fields does not get them.
                seen.append(try await client.call(.post, uri, #"{"_source":["credential","connector.credential"]}"#).body)
            }
            return seen
        }
        for body in bodies {
            #expect(!body.contains(secret))
            #expect(!body.contains("\"credential\""))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files.contains("data.sqlite"))
        for file in files {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(file))
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(file) holds the secret in plain text")
        }
    }
}
