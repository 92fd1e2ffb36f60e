import EmulatorServer
import MLCommonsCore
import Testing

/// The private-address guard and the trusted-endpoint regex on every path that calls a model.
@Suite("Outbound guards: private addresses, unresolvable hosts, rewritten endpoints")
struct OutboundGuardTests {
    static let hello = #"{"parameters":{"messages":[{"role":"user","content":"hi"}]}}"#

    /// `MLValidatableAsyncHttpClient` rewraps the refusal, so it shows twice.
    static func refused(_ reason: String, causeType: String = "illegal_argument_exception") -> String {
        let escaped = JSONWriter().escaped(reason)
        return #"{"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"\#(escaped)"}],"type":"illegal_argument_exception","reason":"\#(escaped)","caused_by":{"type":"\#(causeType)","reason":"\#(escaped)"}},"status":400}"#
    }

    /// A model whose connector calls `url` (any http URL is trusted here, so only the address guard decides).
    static func model(calling url: String, _ client: EmulatorClient) async throws -> String {
        try await client.call(.put, "/_cluster/settings", #"{"persistent":{"plugins.ml_commons.trusted_connector_endpoints_regex":["^http://.*$"]}}"#)
        let connector = Fixture.openAIConnector.replacingAll("https://${parameters.endpoint}/v1/chat/completions", with: url)
        let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", connector, field: "connector_id")
        return try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
    }

    @Test func everySpellingOfALoopbackAddressIsRefused() async throws {
        try await EmulatorHarness.withServer { client in
            let port = try #require(client.client.port)
            for host in ["127.0.0.1", "2130706433", "0x7f000001", "0177.0.0.1", "127.1", "[::ffff:127.0.0.1]", "[::1]", "localhost", "0.0.0.0"] {
                let model = try await Self.model(calling: "http://\(host):\(port)/__emulator/mock-llm/v1/chat/completions", client)
                let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", Self.hello)
                #expect(reply.body == Self.refused("Remote inference host name has private ip address: \(host)"), "\(host)")
            }
            // The same connector answers once private addresses are allowed: it was the guard that refused.
            try await client.call(.put, "/_cluster/settings", #"{"persistent":{"plugins.ml_commons.connector.private_ip_enabled":true}}"#)
            let model = try await Self.model(calling: "http://2130706433:\(port)/__emulator/mock-llm/v1/chat/completions", client)
            #expect(try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", Self.hello).status == 200)
        }
    }

    @Test func theGuardAlsoCoversStreamsAndAgents() async throws {
        try await EmulatorHarness.withServer { client in
            let port = try #require(client.client.port)
            try await client.call(.put, "/_cluster/settings", Fixture.request("enable-streaming"))
            let model = try await Self.model(calling: "http://127.1:\(port)/__emulator/mock-llm/v1/chat/completions", client)
            let stream = try await client.call(
                .post, "/_plugins/_ml/models/\(model)/_predict/stream",
                #"{"parameters":{"messages":[{"role":"user","content":"hi"}],"_llm_interface":"openai/v1/chat/completions"}}"#)
            #expect(stream.body == "data: {\"error\": \"Remote inference host name has private ip address: 127.1\"}\n\n")
        }
    }

    @Test func unresolvableHostsAndRefusedConnectionsFailFast() async throws {
        try await EmulatorHarness.withServer { client in
            let unknown = try await Self.model(calling: "http://nohost.invalid/v1/chat/completions", client)
            let reply = try await client.call(.post, "/_plugins/_ml/models/\(unknown)/_predict", Self.hello)
            #expect(reply.status == 400)
            #expect(try reply.json["error"]?["reason"]?.stringValue?.hasPrefix("nohost.invalid: ") == true)
            #expect(try reply.json["error"]?["caused_by"]?["type"] == "unknown_host_exception")
            try await client.call(.put, "/_cluster/settings", #"{"persistent":{"plugins.ml_commons.connector.private_ip_enabled":true}}"#)
            // Nothing listens on port 1: the refusal comes back at once, not after the read timeout.
            let closed = try await Self.model(calling: "http://127.0.0.1:1/v1/chat/completions", client)
            #expect(try await client.call(.post, "/_plugins/_ml/models/\(closed)/_predict", Self.hello).body
                == envelope("status_exception", "Error communicating with remote model: Connection refused: /127.0.0.1:1", status: 500))
        }
    }

    @Test func aRequestCannotSendTheCredentialToAnotherHost() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/_cluster/settings", Fixture.request("enable-streaming"))
            let message = "Connector URL is not matching the trusted connector endpoint regex"
            let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
            let predict = try await client.call(
                .post, "/_plugins/_ml/models/\(model)/_predict",
                #"{"parameters":{"endpoint":"attacker.example","messages":[{"role":"user","content":"hi"}]}}"#)
            #expect(predict.body == envelope("illegal_argument_exception", message, status: 400))
            let stream = try await client.call(
                .post, "/_plugins/_ml/models/\(model)/_predict/stream",
                #"{"parameters":{"endpoint":"attacker.example","messages":[{"role":"user","content":"hi"}],"_llm_interface":"openai/v1/chat/completions"}}"#)
            #expect(stream.body == "data: {\"error\": \"\(message)\"}\n\n")

            let agent = try await AgentExecuteTests.agent(client)
            let execute = try await client.call(
                .post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"hi","endpoint":"attacker.example"}}"#)
            #expect(execute.body == #"{"status":400,"error":{"type":"IllegalArgumentException","reason":"Invalid Request","details":"\#(message)"}}"#)
            let executeStream = try await client.call(
                .post, "/_plugins/_ml/agents/\(agent)/_execute/stream", #"{"parameters":{"question":"hi","endpoint":"attacker.example"}}"#)
            #expect(executeStream.body == "data: {\"error\": \"\(message)\"}\n\n")

            // None of the four reached a host: every refused call is in the journal without a status.
            let calls = try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue ?? []
            let refused = calls.filter { $0["url"]?.stringValue?.contains("attacker.example") == true }
            #expect(refused.count == 4)
            #expect(refused.allSatisfy { $0["status"] == nil || $0["status"] == .null })
        }
    }
}
