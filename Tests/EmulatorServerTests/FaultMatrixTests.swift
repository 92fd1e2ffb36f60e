#if canImport(Glibc)
import Glibc
#endif
import EmulatorServer
import Foundation
import MLCommonsCore
import Testing

/// Every upstream fault, once through the in-process mock and once through the real HTTP client to the mock
/// served on a loopback socket: the client must see the same bytes either way.
@Suite("Upstream fault matrix: in-process and live HTTP")
struct FaultMatrixTests {
    /// Mock scripts, each producing one fault. A silent upstream is a first token 5 s away with a 400 ms read
    /// timeout: far apart, so a loaded machine cannot blur them (the mock stops when the caller gives up).
    static let faults = [
        #"{"default":{"fault":{"type":"http_error","status":500,"body":"{\"error\":{\"message\":\"boom\"}}"}}}"#,
        #"{"default":{"fault":{"type":"http_error","status":502,"body":"<html><body>Bad Gateway</body></html>"}}}"#,
        #"{"default":{"fault":{"type":"rate_limit"}}}"#,
        #"{"default":{"fault":{"type":"close_mid_stream","after_chunks":2}}}"#,
        #"{"default":{"fault":{"type":"malformed_chunk","after_chunks":1}}}"#,
        #"{"default":{"reply":{"text":"late"},"pacing":{"time_to_first_token_ms":5000}}}"#,
    ]
    static let question = #"{"parameters":{"messages":[{"role":"user","content":"Hi"}],"_llm_interface":"openai/v1/chat/completions"}}"#

    /// Two models on the same OpenAI connector template: one answered in-process, one over loopback HTTP.
    static func models(_ client: EmulatorClient) async throws -> (inProcess: String, live: String) {
        let port = try #require(client.client.port)
        try await client.call(.put, "/_cluster/settings", #"""
            {"persistent":{"plugins.ml_commons.stream_enabled":true,
             "plugins.ml_commons.trusted_connector_endpoints_regex":["^https://api\\.openai\\.com/.*$","^http://127\\.0\\.0\\.1:.*$"],
             "plugins.ml_commons.connector.private_ip_enabled":true}}
            """#)
        // Short timeouts, so a silent upstream fails fast on both paths.
        let timed = Fixture.openAIConnector.replacingAll(
            #""version": 1,"#, with: #""version": 1, "client_config": {"read_timeout": 400, "connection_timeout": 400},"#)
        var ids: [String] = []
        for connector in [timed, timed.replacingAll("https://${parameters.endpoint}", with: "http://127.0.0.1:\(port)/__emulator/mock-llm")] {
            let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", connector, field: "connector_id")
            ids.append(try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id"))
        }
        return (ids[0], ids[1])
    }

    @Test(arguments: faults)
    func bothPathsAnswerAFaultWithTheSameBytes(script: String) async throws {
        try await EmulatorHarness.withServer { client in
            let (inProcess, live) = try await Self.models(client)
            try await client.call(.put, "/__emulator/mock-llm/script", script)
            for path in ["_predict", "_predict/stream"] {
                let viaMock = try await client.call(.post, "/_plugins/_ml/models/\(inProcess)/\(path)", Self.question)
                let viaHTTP = try await client.call(.post, "/_plugins/_ml/models/\(live)/\(path)", Self.question)
                #expect(viaHTTP.status == viaMock.status, "\(path) \(script)")
                // The mock derives its completion ids from the request path, which differs between the two, and the
                // two calls may straddle a second.
                let created = try Regex(#"created\\":[0-9]+"#)
                let normalized = { (body: String) in
                    body.replacing(/chatcmpl-mock-[0-9a-f]+/, with: "chatcmpl-mock-ID").replacing(created, with: "created\\\":T")
                }
                #expect(normalized(viaHTTP.body) == normalized(viaMock.body), "\(path) \(script)")
            }
            #expect(try await client.call(.get, "/__emulator/health").status == 200)
        }
    }

    /// Bedrock ConverseStream faults, an exception frame among them (throttling after two frames), through both
    /// paths: the in-process mock at Bedrock's host and the mock over loopback HTTP, signed.
    static let bedrockFaults = [
        #"{"default":{"fault":{"type":"rate_limit","after_chunks":2}}}"#,
        #"{"default":{"fault":{"type":"http_error","status":500}}}"#,
        #"{"default":{"fault":{"type":"close_mid_stream","after_chunks":2}}}"#,
        #"{"default":{"fault":{"type":"malformed_chunk","after_chunks":1}}}"#,
    ]
    static let bedrockQuestion = #"{"parameters":{"system_prompt":"s","prompt":"Hi","_llm_interface":"bedrock/converse/claude"}}"#

    @Test(arguments: bedrockFaults)
    func bothPathsAnswerABedrockFaultWithTheSameBytes(script: String) async throws {
        try await EmulatorHarness.withServer { client in
            let port = try #require(client.client.port)
            try await client.call(.put, "/_cluster/settings", #"""
                {"persistent":{"plugins.ml_commons.stream_enabled":true,
                 "plugins.ml_commons.trusted_connector_endpoints_regex":["^https://bedrock-runtime\\..*[a-z0-9-]\\.amazonaws\\.com/.*$","^http://127\\.0\\.0\\.1:.*$"],
                 "plugins.ml_commons.connector.private_ip_enabled":true}}
                """#)
            let inProcess = try await PredictStreamTests.bedrockModel(client)
            let live = try await PredictStreamTests.bedrockModel(client, connector: Fixture.request("create-bedrock-connector")
                .replacingAll("https://bedrock-runtime.${parameters.region}.amazonaws.com", with: "http://127.0.0.1:\(port)/__emulator/mock-llm"))
            try await client.call(.put, "/__emulator/mock-llm/script", script)
            let viaMock = try await client.call(.post, "/_plugins/_ml/models/\(inProcess)/_predict/stream", Self.bedrockQuestion)
            let viaHTTP = try await client.call(.post, "/_plugins/_ml/models/\(live)/_predict/stream", Self.bedrockQuestion)
            #expect(viaHTTP.status == viaMock.status, "\(script)")
            #expect(viaHTTP.body == viaMock.body, "\(script)")
            #expect(viaMock.body.contains("\"error\""), "\(viaMock.body)")
        }
    }

    @Test func knownBytesForEachFault() async throws {
        try await EmulatorHarness.withServer { client in
            let (_, live) = try await Self.models(client)
            func answer(_ script: String, _ path: String) async throws -> Reply {
                try await client.call(.put, "/__emulator/mock-llm/script", script)
                return try await client.call(.post, "/_plugins/_ml/models/\(live)/\(path)", Self.question)
            }
            #expect(try await answer(Self.faults[0], "_predict").body
                == envelope("status_exception", #"Error from remote service: {"error":{"message":"boom"}}"#, status: 500))
            #expect(try await answer(Self.faults[1], "_predict/stream").body
                == "data: {\"error\": \"Error from remote service: <html><body>Bad Gateway</body></html>\"}\n\n")
            #expect(try await answer(Self.faults[3], "_predict/stream").body.hasSuffix("data: {\"error\": \"SSE failure with network error\"}\n\n"))
            #expect(try await answer(Self.faults[5], "_predict").body
                == envelope("status_exception", "Error communicating with remote model: Read timed out", status: 500))
            #expect(try await answer(Self.faults[5], "_predict/stream").body == "data: {\"error\": \"SSE failure with network error\"}\n\n")
        }
    }

    @Test func refusedAndResetConnectionsOnTheLivePath() async throws {
        let listener = try LoopbackListener.resetting()
        defer { listener.stop() }
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/_cluster/settings", #"""
                {"persistent":{"plugins.ml_commons.stream_enabled":true,
                 "plugins.ml_commons.trusted_connector_endpoints_regex":["^http://127\\.0\\.0\\.1:.*$"],
                 "plugins.ml_commons.connector.private_ip_enabled":true}}
                """#)
            func model(_ url: String) async throws -> String {
                let connector = Fixture.openAIConnector.replacingAll("https://${parameters.endpoint}/v1/chat/completions", with: url)
                let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", connector, field: "connector_id")
                return try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
            }
            let refused = try await model("http://127.0.0.1:1/v1/chat/completions")
            #expect(try await client.call(.post, "/_plugins/_ml/models/\(refused)/_predict", Self.question).body
                == envelope("status_exception", "Error communicating with remote model: Connection refused: /127.0.0.1:1", status: 500))
            #expect(try await client.call(.post, "/_plugins/_ml/models/\(refused)/_predict/stream", Self.question).body
                == "data: {\"error\": \"SSE failure with network error\"}\n\n")
            let reset = try await model("http://127.0.0.1:\(listener.port)/v1/chat/completions")
            let predict = try await client.call(.post, "/_plugins/_ml/models/\(reset)/_predict", Self.question)
            #expect(predict.status == 500)
            #expect(try predict.json["error"]?["reason"]?.stringValue?.hasPrefix("Error communicating with remote model: ") == true, "\(predict.body)")
            #expect(try await client.call(.post, "/_plugins/_ml/models/\(reset)/_predict/stream", Self.question).body
                == "data: {\"error\": \"SSE failure with network error\"}\n\n")
        }
    }
}
