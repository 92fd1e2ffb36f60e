import Foundation
import MLCommonsCore
import Testing

/// `google_cloud` connectors (3.9): Vertex AI with a service account's OAuth2 token, and Gemini streaming over them.
@Suite("google_cloud connectors")
struct GoogleCloudConnectorTests {
    static let privateKey = try! String(
        contentsOf: Fixture.directory.deletingLastPathComponent().appendingPathComponent("google/test-service-account-key.pem"),
        encoding: .utf8)

    /// The streaming blueprint's connector; `method` is `streamGenerateContent?alt=sse` or `generateContent`.
    static func connector(method: String = "streamGenerateContent?alt=sse", credential: String? = nil) -> String {
        let key = JSONWriter().escaped(privateKey)
        return #"""
            {"name":"GCP Vertex AI Connector: Gemini streaming","version":1,"protocol":"google_cloud",
             "parameters":{"project_id":"demo","location":"us-central1","model":"gemini-2.5-flash","_llm_interface":"gemini/v1beta/generatecontent"},
             "credential":\#(credential ?? #"{"private_key":"\#(key)","client_email":"emulator@demo.iam.gserviceaccount.com"}"#),
             "actions":[{"action_type":"predict","method":"POST",
               "url":"https://${parameters.location}-aiplatform.googleapis.com/v1/projects/${parameters.project_id}/locations/${parameters.location}/publishers/google/models/${parameters.model}:\#(method)",
               "headers":{"Content-Type":"application/json"},
               "request_body":"{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"${parameters.prompt}\"}]}]}"}]}
            """#
    }

    static func enable(_ client: EmulatorClient) async throws {
        let reply = try await client.call(.put, "/_cluster/settings", #"""
            {"persistent":{"plugins.ml_commons.connector.vertexai_enabled":true,"plugins.ml_commons.stream_enabled":true,
             "plugins.ml_commons.trusted_connector_endpoints_regex":["^https://.*-aiplatform\\.googleapis\\.com/.*$"]}}
            """#)
        #expect(reply.status == 200, "\(reply.body)")
    }

    static func model(_ client: EmulatorClient, connector: String) async throws -> String {
        let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", connector, field: "connector_id")
        return try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
    }

    /// The blueprint's stream: a token from Google's endpoint for a signed assertion, then Vertex's SSE read as
    /// ml-commons reads Gemini's (text chunks, then the last one at the finish reason).
    @Test func streamsGeminiWithAServiceAccountToken() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_9_0 }) { client in
            try await Self.enable(client)
            let model = try await Self.model(client, connector: Self.connector())
            _ = try await client.call(.delete, "/__emulator/outbound")
            let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict/stream",
                #"{"parameters":{"prompt":"Tell me a short story about OpenSearch."}}"#)
            #expect(reply.status == 200)
            try GoldenStream.check(reply.body, "predict-stream-gemini-google-cloud-3.9.0")

            let calls = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue)
            #expect(calls.map { $0["url"]?.stringValue ?? "" } == [
                "https://oauth2.googleapis.com/token",
                "https://us-central1-aiplatform.googleapis.com/v1/projects/demo/locations/us-central1/publishers/google/models/gemini-2.5-flash:streamGenerateContent?alt=sse",
            ])
            #expect(calls.first?["body"]?.stringValue?.hasPrefix("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=") == true)
            #expect(calls.last?["headers"]?["Authorization"] == "Bearer [REDACTED]")
            #expect(calls.last?["headers"]?["Accept"] == "text/event-stream")

            // The token is reused while it lives.
            _ = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict/stream", #"{"parameters":{"prompt":"Again"}}"#)
            #expect(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.count == 3)
        }
    }

    /// `_predict` on `generateContent` answers with Vertex's JSON; a token failure is ml-commons' own error.
    @Test func predictsAndReportsTokenFailures() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_9_0 }) { client in
            try await Self.enable(client)
            let model = try await Self.model(client, connector: Self.connector(method: "generateContent"))
            let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", #"{"parameters":{"prompt":"Hello"}}"#)
            #expect(reply.status == 200, "\(reply.body)")
            let text = try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first?["dataAsMap"]?["candidates"]?
                .arrayValue?.first?["content"]?["parts"]?.arrayValue?.first?["text"]
            #expect(text == "Mock reply to: Hello")

            let key = JSONWriter().escaped(Self.privateKey)
            let elsewhere = try await Self.model(client, connector: Self.connector(
                method: "generateContent",
                credential: #"{"private_key":"\#(key)","client_email":"a@b.c","token_uri":"https://evil.example.com/token"}"#))
            let refused = try await client.call(.post, "/_plugins/_ml/models/\(elsewhere)/_predict", #"{"parameters":{"prompt":"Hello"}}"#)
            #expect(refused.body == envelope("illegal_argument_exception", "token_uri host must be oauth2.googleapis.com, got: evil.example.com", status: 400))
            let stream = try await client.call(.post, "/_plugins/_ml/models/\(elsewhere)/_predict/stream", #"{"parameters":{"prompt":"Hello"}}"#)
            #expect(stream.body == "data: {\"error\": \"Fail to execute google_cloud streaming\"}\n\n")
        }
    }

    /// The protocol exists from 3.9, behind its flag; its credential checks.
    @Test func creationChecks() async throws {
        let old = try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_8_0 }) { client in
            try await client.call(.post, "/_plugins/_ml/connectors/_create", Self.connector())
        }
        #expect(old.body == envelope("illegal_argument_exception",
            "Unsupported connector protocol. Please use one of [aws_sigv4, http, mcp_sse, mcp_streamable_http]", status: 400))
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_9_0 }) { client in
            let off = try await client.call(.post, "/_plugins/_ml/connectors/_create", Self.connector())
            #expect(off.body == envelope("status_exception", "The Vertex AI (google_cloud) connector is not enabled.", status: 403))
            try await Self.enable(client)
            let missing = try await client.call(.post, "/_plugins/_ml/connectors/_create", Self.connector(credential: #"{"client_email":"a@b.c"}"#))
            #expect(missing.body == envelope("illegal_argument_exception", "Missing credential", status: 400))
            let adc = Self.connector(credential: "{}").replacingAll(#""model":"gemini-2.5-flash","#, with: #""model":"gemini-2.5-flash","auth_mode":"adc","#)
            #expect(try await client.call(.post, "/_plugins/_ml/connectors/_create", adc).status == 200)
            let mixed = Self.connector(credential: #"{"client_email":"a@b.c"}"#)
                .replacingAll(#""model":"gemini-2.5-flash","#, with: #""model":"gemini-2.5-flash","auth_mode":"ADC","#)
            #expect(try await client.call(.post, "/_plugins/_ml/connectors/_create", mixed).body == envelope("illegal_argument_exception",
                "auth_mode=adc must not include service-account credentials (private_key/client_email)", status: 400))
        }
    }

    /// 3.9's AG-UI runner refuses Gemini before anything else.
    @Test func agUIRefusesGemini() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_9_0 }) { client in
            try await client.call(.put, "/_cluster/settings", AGUITests.enable)
            let model = try await client.id(.post, "/_plugins/_ml/models/_register",
                #"{"name":"gpt","function_name":"remote","connector":\#(Fixture.openAIConnector)}"#, field: "model_id")
            let agent = try await client.id(.post, "/_plugins/_ml/agents/_register", #"""
                {"name":"g","type":"ag_ui","llm":{"model_id":"\#(model)"},"memory":{"type":"conversation_index"},
                 "parameters":{"_llm_interface":"gemini/v1beta/generatecontent"}}
                """#, field: "agent_id")
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", AGUITests.runInput("hi"))
            let events = try AGUITests.events(reply.body)
            #expect(events.map { $0["type"] } == ["RUN_STARTED", "RUN_ERROR"])
            #expect(events.last?["message"] == "AG-UI streaming is not yet supported for the Gemini (google_cloud) LLM interface")
        }
    }
}
