import EmulatorServer
import Logging
import MLCommonsCore
import MLStore
import Synchronization
import Testing

/// The lines a person reads: one access line per request, one per upstream call, errors with their
/// reasons, in text or JSON, and never a credential.
@Suite("Request logs")
struct AccessLogTests {
    /// Log lines as the emulator writes them, kept for the test.
    final class CapturedLog: Sendable {
        private let captured = Mutex<[String]>([])
        var lines: [String] { captured.withLock { $0 } }

        func logger(_ format: LogFormat, level: Logger.Level = .info) -> Logger {
            var logger = Logger(label: "test") { _ in
                EmulatorLogHandler(format: format) { line in self.captured.withLock { $0.append(line) } }
            }
            logger.logLevel = level
            return logger
        }
    }

    static func withLoggedServer(
        _ format: LogFormat, _ body: @Sendable (EmulatorClient, CapturedLog) async throws -> Void
    ) async throws {
        let log = CapturedLog()
        var configuration = EmulatorHarness.configuration(.inMemory)
        configuration.logLevel = .info
        let emulator = try await Emulator(configuration: configuration, logger: log.logger(format))
        try await EmulatorHarness.withServer(emulator) { client in try await body(client, log) }
    }

    static let timestamp = #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"#

    @Test func requestsStreamsUpstreamCallsAndErrorsAreLogged() async throws {
        try await Self.withLoggedServer(.text) { client, log in
            let root = try await client.call(.get, "/")
            let missing = try await client.call(.get, "/_plugins/_ml/models/nope?pretty")
            try await PredictStreamTests.enableStreaming(client)
            let model = try await PredictAPITests.openAIModel(client)
            _ = try await client.call(
                .post, "/_plugins/_ml/models/\(model)/_predict/stream",
                #"{"parameters":{"messages":[{"role":"user","content":"Hello there!"}],\#(PredictStreamTests.openAIInterface)}}"#)
            let lines = log.lines

            let rootLine = try #require(lines.first { $0.contains(" info GET / ") })
            #expect(rootLine.wholeMatch(of: try Regex(Self.timestamp + #" info GET / bytes=\#(root.body.utf8.count) duration_ms=\d+\.\d status=200"#)) != nil)
            // The path without its query; the error's type and reason.
            let missingLine = try #require(lines.first { $0.contains("GET /_plugins/_ml/models/nope") })
            #expect(missingLine.contains(#"error="status_exception: Fail to find model""#))
            #expect(missingLine.contains("bytes=\(missing.body.utf8.count)"))
            #expect(missingLine.contains("status=404"))
            // The stream: chunks, time to first chunk, how it ended.
            let streamLine = try #require(lines.first { $0.contains("/_predict/stream") })
            #expect(streamLine.wholeMatch(of: try Regex(
                Self.timestamp + #" info POST /_plugins/_ml/models/\#(model)/_predict/stream bytes=\d+ chunks=6 duration_ms=\d+\.\d first_chunk_ms=\d+\.\d status=200 stream=complete"#)) != nil)
            // The upstream call: host and path, never the query or a header.
            let upstream = try #require(lines.first { $0.contains(" upstream ") })
            #expect(upstream.wholeMatch(of: try Regex(
                Self.timestamp + #" info upstream POST api.openai.com/v1/chat/completions duration_ms=\d+ model_id=\#(model) status=200 streamed=true"#)) != nil)
        }
    }

    @Test func upstreamErrorsAreLoggedWithTheirReason() async throws {
        try await Self.withLoggedServer(.text) { client, log in
            try await client.call(.put, "/_cluster/settings", #"""
                {"persistent":{"plugins.ml_commons.trusted_connector_endpoints_regex":["^http://127\\.0\\.0\\.1:.*$"],
                 "plugins.ml_commons.connector.private_ip_enabled":true}}
                """#)
            let connector = Fixture.openAIConnector.replacingAll(
                "https://${parameters.endpoint}/v1/chat/completions", with: "http://127.0.0.1:1/v1/chat/completions?key=k")
            let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", connector, field: "connector_id")
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
            let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", PredictAPITests.hello)
            #expect(reply.status == 500)
            let lines = log.lines
            // The refused connection: no status, the transport's error, and no query string.
            let upstream = try #require(lines.first { $0.contains(" upstream POST 127.0.0.1:1/v1/chat/completions ") })
            #expect(upstream.contains("status=none"))
            #expect(upstream.contains("error="))
            #expect(!upstream.contains("key=k"))
            let access = try #require(lines.first { $0.contains("POST /_plugins/_ml/models/\(model)/_predict ") })
            #expect(access.contains(#"error="status_exception: Error communicating with remote model: Connection refused: /127.0.0.1:1""#))
            #expect(access.contains("status=500"))
        }
    }

    @Test func noLineCarriesACredential() async throws {
        try await Self.withLoggedServer(.text) { client, log in
            let model = try await PredictAPITests.openAIModel(client)
            _ = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", PredictAPITests.hello)
            // A mock failure answered with the request echoed back, and a bad request naming the connector.
            _ = try await client.call(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector.replacingAll("api.openai.com", with: "example.invalid"))
            _ = try await client.call(.put, "/_plugins/_ml/models/\(model)", #"{"connector":{"credential":{"openAI_key":"sk-test-secret-0123456789"}}}"#)
            let lines = log.lines
            #expect(lines.count >= 5)
            #expect(!lines.contains { $0.contains("sk-test-secret") })
        }
    }

    @Test func jsonLinesParse() async throws {
        try await Self.withLoggedServer(.json) { client, log in
            _ = try await client.call(.get, "/_plugins/_ml/connectors/nope")
            let line = try #require(log.lines.first { $0.contains("connectors/nope") })
            let object = try JSONParser.parse(line)
            #expect(object["level"] == "info")
            #expect(object["message"] == "GET /_plugins/_ml/connectors/nope")
            #expect(object["status"] == "404")
            #expect(object.objectValue?.keys.first == "@timestamp")
        }
    }
}
