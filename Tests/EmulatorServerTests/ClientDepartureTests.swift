import EmulatorServer
import Foundation
import MLCommonsCore
import Testing

/// A client that leaves while the upstream is still silent ends the upstream request at once, not at the
/// next chunk: seen from the provider's side, through the mock's log of how each answer ended.
@Suite("Client departure during upstream silence")
struct ClientDepartureTests {
    static let silentFor5s = #"{"default":{"reply":{"text":"late"},"pacing":{"time_to_first_token_ms":5000}}}"#

    /// A model whose connector calls the mock over loopback HTTP with ml-commons' default timeouts.
    static func liveModel(_ client: EmulatorClient) async throws -> String {
        let port = try #require(client.client.port)
        try await client.call(.put, "/_cluster/settings", #"""
            {"persistent":{"plugins.ml_commons.stream_enabled":true,
             "plugins.ml_commons.trusted_connector_endpoints_regex":["^http://127\\.0\\.0\\.1:.*$"],
             "plugins.ml_commons.connector.private_ip_enabled":true}}
            """#)
        let connector = Fixture.openAIConnector.replacingAll(
            "https://${parameters.endpoint}", with: "http://127.0.0.1:\(port)/__emulator/mock-llm")
        let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", connector, field: "connector_id")
        return try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
    }

    /// The mock's entries for chat completions, as JSON objects.
    static func served(_ client: EmulatorClient) async throws -> [JSONValue] {
        let log = try await client.call(.get, "/__emulator/mock-llm/served").json
        return (log["requests"]?.arrayValue ?? []).filter { $0["path"]?.stringValue?.hasSuffix("/chat/completions") == true }
    }

    static func waitFor(_ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(4)
        while try await !condition() {
            guard ContinuousClock.now < deadline else { return }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    @Test func leavingDuringSilenceEndsTheUpstreamRequestWithin100ms() async throws {
        try await EmulatorHarness.withServer { client in
            let model = try await Self.liveModel(client)
            try await client.call(.put, "/__emulator/mock-llm/script", Self.silentFor5s)
            let socket = try LoopbackSocket(port: try #require(client.client.port))
            let body = FaultMatrixTests.question
            socket.send("POST /_plugins/_ml/models/\(model)/_predict/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
            try await Self.waitFor { try await Self.served(client).first?["outcome"]?.stringValue == "answering" }
            #expect(try await Self.served(client).first?["outcome"]?.stringValue == "answering")

            let left = InstantTime.now().epochMillis
            socket.close()
            try await Self.waitFor { try await Self.served(client).first?["outcome"]?.stringValue != "answering" }
            let entry = try #require(try await Self.served(client).first)
            #expect(entry["outcome"]?.stringValue == "client_left")
            let ended = try #require(entry["ended_at"]?.numberValue?.intValue)
            #expect(ended - Int(left) < 100, "the upstream request ended \(ended - Int(left)) ms after the client left")
            #expect(try await client.call(.get, "/__emulator/health").status == 200)
        }
    }

    @Test func aClientThatStaysGetsTheAnswer() async throws {
        try await EmulatorHarness.withServer { client in
            let model = try await Self.liveModel(client)
            try await client.call(.put, "/__emulator/mock-llm/script",
                #"{"default":{"reply":{"text":"punctual"},"pacing":{"time_to_first_token_ms":50}}}"#)
            let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict/stream", FaultMatrixTests.question)
            #expect(reply.body.contains(#""content":"punctual""#))
            #expect(try await Self.served(client).map { $0["outcome"]?.stringValue } == ["completed"])
        }
    }
}
