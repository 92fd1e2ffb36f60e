import MLCommonsCore
import Testing

@Suite("Remote _predict through the mock LLM")
struct PredictAPITests {
    static let hello = #"{"parameters":{"messages":[{"role":"user","content":"Hello!"}]}}"#

    /// Registers the documentation's OpenAI connector and a model on it; returns the model id.
    static func openAIModel(_ client: EmulatorClient) async throws -> String {
        let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
        return try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connector), field: "model_id")
    }

    @Test func wholeUpstreamAnswerWithGsonNumbers() async throws {
        try await EmulatorHarness.withServer { client in
            let model = try await Self.openAIModel(client)
            let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", Self.hello)
            #expect(reply.status == 200)
            let data = try #require(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first?["dataAsMap"])
            #expect(data["choices"]?.arrayValue?.first?["message"]?["content"] == "Mock reply to: Hello!")
            #expect(reply.body.contains(#""choices":[{"index":0.0,"message":{"role":"assistant","content":"Mock reply to: Hello!","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}]"#))
            #expect(reply.body.contains(#""usage":{"prompt_tokens":"#))
            #expect(reply.body.hasSuffix(#"}],"status_code":200}]}"#))
            // Remote models deploy on first predict.
            #expect(try await client.call(.get, "/_plugins/_ml/models/\(model)").json["model_state"] == "DEPLOYED")
        }
    }

    @Test func responseFilterSelectsTheAnswer() async throws {
        try await EmulatorHarness.withServer { client in
            let model = try await Self.openAIModel(client)
            let body = #"{"parameters":{"response_filter":"$.choices[0].message.content","messages":[{"role":"user","content":"Hello!"}]}}"#
            for path in ["/_plugins/_ml/models/\(model)/_predict", "/_plugins/_ml/models/\(model)/_predict/", "/_plugins/_ml/_predict/remote/\(model)"] {
                let reply = try await client.call(.post, path, body)
                #expect(reply.body == #"{"inference_results":[{"output":[{"name":"response","dataAsMap":{"response":"Mock reply to: Hello!"}}],"status_code":200}]}"#, "\(path)")
            }
        }
    }

    @Test func renderedBodyIsInTheJournal() async throws {
        try await EmulatorHarness.withServer { client in
            let model = try await Self.openAIModel(client)
            try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", #"{"parameters":{"messages":[{"role":"user","content":"1/2 é"}]}}"#)
            let call = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.last)
            // Request parameters that are JSON arrays are inserted raw, so the body keeps "/" and "é".
            #expect(call["body"] == #"{ "model": "gpt-3.5-turbo", "messages": [{"role":"user","content":"1/2 é"}] }"#)
            #expect(call["headers"]?["Authorization"] == "Bearer [REDACTED]")
            #expect(call["url"] == "https://api.openai.com/v1/chat/completions")
            #expect(call["status"] == 200)
        }
    }

    @Test func unknownModelAndTemplateErrors() async throws {
        try await EmulatorHarness.withServer { client in
            #expect(try await client.call(.post, "/_plugins/_ml/models/nope/_predict", Self.hello).body
                == envelope("status_exception", "Failed to find model", status: 404))
            let model = try await Self.openAIModel(client)
            let missing = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", #"{"parameters":{}}"#)
            #expect(missing.body == envelope(
                "illegal_argument_exception",
                #"Invalid payload: { "model": "gpt-3.5-turbo", "messages": ${parameters.messages} }"#, status: 400))
        }
    }

    @Test func upstreamFaultsMapToMLCommonsErrors() async throws {
        try await EmulatorHarness.withServer { client in
            let model = try await Self.openAIModel(client)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"fault":{"type":"http_error","status":500,"body":"upstream exploded"}}}"#)
            let failed = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", Self.hello)
            #expect(failed.status == 500)
            #expect(failed.body == envelope("status_exception", "Error from remote service: upstream exploded", status: 500))
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"fault":{"type":"rate_limit"}}}"#)
            let throttled = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", Self.hello)
            #expect(throttled.status == 429)
            #expect(throttled.body.contains("Error from remote service: {"))
            try await client.call(.put, "/__emulator/mock-llm/script", #"{}"#)
            #expect(try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", Self.hello).status == 200)
        }
    }

    @Test func modelRateLimiterAndDisabledModel() async throws {
        try await EmulatorHarness.withServer { client in
            let model = try await Self.openAIModel(client)
            try await client.call(.put, "/_plugins/_ml/models/\(model)", #"{"rate_limiter":{"limit":"1","unit":"MINUTES"}}"#)
            #expect(try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", Self.hello).status == 200)
            #expect(try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", Self.hello).body
                == envelope("status_exception", "Request is throttled at model level.", status: 429))
            try await client.call(.put, "/_plugins/_ml/models/\(model)", #"{"is_enabled":false}"#)
            #expect(try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", Self.hello).body
                == envelope("status_exception", "Model is disabled.", status: 403))
        }
    }

    @Test func bedrockConverseIsSignedAndVerifiedByTheMock() async throws {
        try await EmulatorHarness.withServer { client in
            let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.request("create-bedrock-connector"), field: "connector_id")
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connector), field: "model_id")
            let body = #"{"parameters":{"system_prompt":"Be brief.","prompt":"Hello!","response_filter":"$.output.message.content[0].text"}}"#
            let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", body)
            #expect(reply.body == #"{"inference_results":[{"output":[{"name":"response","dataAsMap":{"response":"Mock reply to: Hello!"}}],"status_code":200}]}"#)
            // A wrong secret for a key the mock knows fails its SigV4 check.
            try await client.call(.post, "/_plugins/_ml/models/\(model)/_undeploy")
            let update = try await client.call(.put, "/_plugins/_ml/connectors/\(connector)", #"{"credential":{"access_key":"AKIDEXAMPLE","secret_key":"wrong"}}"#)
            #expect(update.status == 200)
            let rejected = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", body)
            #expect(rejected.status == 403)
            #expect(rejected.body.contains("Error from remote service: {"))
        }
    }

    @Test func throttlingIsRetriedUpToMaxRetryTimes() async throws {
        try await EmulatorHarness.withServer { client in
            var connector = try #require(try JSONParser.parse(Fixture.openAIConnector).objectValue)
            connector["client_config"] = ["max_retry_times": 2, "retry_backoff_millis": 10]
            let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", JSONValue.object(connector).compactText, field: "connector_id")
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"fault":{"type":"rate_limit"}}}"#)
            let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", Self.hello)
            #expect(reply.status == 429)
            let calls = try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue ?? []
            #expect(calls.count == 3)
        }
    }

    @Test func mockOverHTTPWithALocalConnector() async throws {
        try await EmulatorHarness.withServer { client in
            let port = try #require(client.client.port)
            try await client.call(.put, "/_cluster/settings", #"""
                {"persistent":{"plugins.ml_commons.trusted_connector_endpoints_regex":["^http://127\\.0\\.0\\.1:.*$"],
                 "plugins.ml_commons.connector.private_ip_enabled":true}}
                """#)
            let connector = Fixture.openAIConnector.replacingAll("https://${parameters.endpoint}", with: "http://127.0.0.1:\(port)/__emulator/mock-llm")
            let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", connector, field: "connector_id")
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
            let body = #"{"parameters":{"response_filter":"$.choices[0].message.content","messages":[{"role":"user","content":"over HTTP"}]}}"#
            let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", body)
            #expect(reply.body == #"{"inference_results":[{"output":[{"name":"response","dataAsMap":{"response":"Mock reply to: over HTTP"}}],"status_code":200}]}"#)
        }
    }
}
