import AsyncHTTPClient
import MLCommonsCore
import NIOCore
import Testing

@Suite("_predict/stream over Server-Sent Events")
struct PredictStreamTests {
    static let openAIInterface = #""_llm_interface":"openai/v1/chat/completions""#

    static func chunk(_ content: String, last: Bool = false) -> String {
        #"data: {"inference_results":[{"output":[{"name":"response","dataAsMap":{"content":"\#(content)","is_last":\#(last)}}]}]}"# + "\n\n"
    }

    static func enableStreaming(_ client: EmulatorClient) async throws {
        try await client.call(.put, "/_cluster/settings", Fixture.request("enable-streaming"))
    }

    static func bedrockModel(_ client: EmulatorClient, connector: String = Fixture.request("create-bedrock-connector")) async throws -> String {
        let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", connector, field: "connector_id")
        return try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
    }

    @Test func streamFlagOffAnswers500BeforeAnythingElse() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.post, "/_plugins/_ml/models/nope/_predict/stream", "{}")
            #expect(reply.status == 500)
            #expect(reply.body == #"{"error":{"root_cause":[{"type":"illegal_state_exception","reason":"Streaming is currently disabled. To enable it, update the setting \"plugins.ml_commons.stream_enabled\" to true."}],"type":"illegal_state_exception","reason":"Streaming is currently disabled. To enable it, update the setting \"plugins.ml_commons.stream_enabled\" to true."},"status":500}"#)
            #expect(reply.headers[.contentType] == "application/json; charset=UTF-8")
        }
    }

    @Test func unknownModelIs404BeforeTheStream() async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.enableStreaming(client)
            let reply = try await client.call(.post, "/_plugins/_ml/models/nope/_predict/stream", "{}")
            #expect(reply.body == envelope("status_exception", "Failed to find model", status: 404))
        }
    }

    @Test func openAIStreamIsByteExact() async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.enableStreaming(client)
            let model = try await PredictAPITests.openAIModel(client)
            let reply = try await client.call(
                .post, "/_plugins/_ml/models/\(model)/_predict/stream",
                #"{"parameters":{"messages":[{"role":"user","content":"Hello there!"}],\#(Self.openAIInterface)}}"#)
            #expect(reply.status == 200)
            #expect(reply.headers[.contentType] == "text/event-stream")
            #expect(reply.headers[.cacheControl] == "no-cache")
            #expect(reply.headers[.connection] == "keep-alive")
            #expect(reply.body == Self.chunk("Mock") + Self.chunk(" reply") + Self.chunk(" to:") + Self.chunk(" Hello")
                + Self.chunk(" there!") + Self.chunk("", last: true))
            let call = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.last)
            #expect(call["body"] == #"{"model":"gpt-3.5-turbo","messages":[{"role":"user","content":"Hello there!"}],"stream":true}"#)
            #expect(call["streamed"] == true)
        }
    }

    @Test func bedrockStreamIsSignedVerifiedAndByteExact() async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.enableStreaming(client)
            let model = try await Self.bedrockModel(client)
            let reply = try await client.call(
                .post, "/_plugins/_ml/models/\(model)/_predict/stream",
                #"{"parameters":{"system_prompt":"Be brief.","prompt":"Hi Claude","_llm_interface":"bedrock/converse/claude"}}"#)
            #expect(reply.body == Self.chunk("Mock") + Self.chunk(" reply") + Self.chunk(" to:") + Self.chunk(" Hi")
                + Self.chunk(" Claude") + Self.chunk("", last: true))
            let call = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.last)
            #expect(call["url"] == "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-sonnet-20240229-v1%3A0/converse-stream")
            #expect(call["headers"]?["Authorization"]?.stringValue?.hasPrefix("AWS4-HMAC-SHA256 [REDACTED]") == true)
        }
    }

    @Test func missingOrWrongInterfaceIsTheGenericErrorChunk() async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.enableStreaming(client)
            let model = try await PredictAPITests.openAIModel(client)
            for parameters in [#""messages":[]"#, #""messages":[],"_llm_interface":"bedrock/converse/claude""#] {
                let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict/stream", #"{"parameters":{\#(parameters)}}"#)
                #expect(reply.status == 200)
                #expect(reply.body == "data: {\"error\": \"Fail to execute streaming\"}\n\n")
            }
        }
    }

    @Test(arguments: [
        (#"{"type":"http_error","status":500,"body":"upstream \"exploded\""}"#, "data: {\"error\": \"Error from remote service: upstream \\\"exploded\\\"\"}\n\n"),
        (#"{"type":"close_mid_stream","after_chunks":2}"#, "data: {\"error\": \"SSE failure with network error\"}\n\n"),
    ])
    func openAIFaultsBecomeErrorChunks(fault: String, errorChunk: String) async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.enableStreaming(client)
            let model = try await PredictAPITests.openAIModel(client)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"fault":\#(fault)}}"#)
            let reply = try await client.call(
                .post, "/_plugins/_ml/models/\(model)/_predict/stream",
                #"{"parameters":{"messages":[{"role":"user","content":"Hi"}],\#(Self.openAIInterface)}}"#)
            #expect(reply.status == 200)
            #expect(reply.body.hasSuffix(errorChunk), "\(reply.body)")
            // The error chunk is the last thing sent, and the server keeps serving.
            #expect(!reply.body.contains(#""is_last":true"#))
            try await client.call(.put, "/__emulator/mock-llm/script", "{}")
            let next = try await client.call(
                .post, "/_plugins/_ml/models/\(model)/_predict/stream",
                #"{"parameters":{"messages":[{"role":"user","content":"Hi"}],\#(Self.openAIInterface)}}"#)
            #expect(next.body.hasSuffix(Self.chunk("", last: true)))
        }
    }

    @Test func rateLimitedOpenAIAnswerIsReportedWithItsBody() async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.enableStreaming(client)
            let model = try await PredictAPITests.openAIModel(client)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"fault":{"type":"rate_limit"}}}"#)
            let reply = try await client.call(
                .post, "/_plugins/_ml/models/\(model)/_predict/stream",
                #"{"parameters":{"messages":[{"role":"user","content":"Hi"}],\#(Self.openAIInterface)}}"#)
            #expect(reply.body.hasPrefix("data: {\"error\": \"Error from remote service: {"))
            #expect(reply.body.hasSuffix("\"}\n\n"))
        }
    }

    @Test func malformedUpstreamChunkIsSkippedLikeGson() async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.enableStreaming(client)
            let model = try await PredictAPITests.openAIModel(client)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"fault":{"type":"malformed_chunk","after_chunks":2}}}"#)
            let reply = try await client.call(
                .post, "/_plugins/_ml/models/\(model)/_predict/stream",
                #"{"parameters":{"messages":[{"role":"user","content":"Hi"}],\#(Self.openAIInterface)}}"#)
            #expect(reply.body == Self.chunk("Mock") + Self.chunk(" reply") + Self.chunk(" to:") + Self.chunk(" Hi") + Self.chunk("", last: true))
        }
    }

    @Test func unansweredRequestTimesOutByTheConnectorsReadTimeout() async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.enableStreaming(client)
            let connector = try JSONParser.parse(Fixture.openAIConnector).objectValue.map { object -> String in
                var object = object
                object["client_config"] = ["read_timeout": 200, "connection_timeout": 100]
                return JSONValue.object(object).compactText
            } ?? ""
            let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", connector, field: "connector_id")
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"fault":{"type":"no_answer"}}}"#)
            let reply = try await client.call(
                .post, "/_plugins/_ml/models/\(model)/_predict/stream",
                #"{"parameters":{"messages":[{"role":"user","content":"Hi"}],\#(Self.openAIInterface)}}"#)
            #expect(reply.body == "data: {\"error\": \"SSE failure with network error\"}\n\n")
        }
    }

    /// ml-commons recognises throttling by words in the AWS message ("throttling", "Rate exceeded", …);
    /// Bedrock's own throttling text has none of them, so it is reported as it is.
    @Test func bedrockThrottlingMidStreamEndsWithTheAWSMessage() async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.enableStreaming(client)
            let model = try await Self.bedrockModel(client)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"fault":{"type":"rate_limit","after_chunks":2}}}"#)
            let reply = try await client.call(
                .post, "/_plugins/_ml/models/\(model)/_predict/stream",
                #"{"parameters":{"system_prompt":"s","prompt":"Hi","_llm_interface":"bedrock/converse/claude"}}"#)
            #expect(reply.body == Self.chunk("Mock")
                + "data: {\"error\": \"Error from remote service: Too many requests, please wait before trying again.\"}\n\n")
        }
    }

    @Test func chunksAreFlushedAsTheyArriveNotBuffered() async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.enableStreaming(client)
            let model = try await PredictAPITests.openAIModel(client)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"pacing":{"time_to_first_token_ms":0,"delay_between_tokens_ms":150,"tokens_per_chunk":1}}}"#)
            let port = try #require(client.client.port)
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/_plugins/_ml/models/\(model)/_predict/stream")
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: #"{"parameters":{"messages":[{"role":"user","content":"one two three four"}],\#(Self.openAIInterface)}}"#))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            var received = ""
            var firstRead: String?
            for try await buffer in response.body {
                let text = String(buffer: buffer)
                if firstRead == nil { firstRead = text }
                received += text
            }
            // A server that buffered would deliver everything, final chunk included, in the first read.
            let first = try #require(firstRead)
            #expect(first.hasPrefix(Self.chunk("Mock")))
            #expect(!first.contains(#""is_last":true"#))
            #expect(received.hasSuffix(Self.chunk("", last: true)))
            #expect(received.components(separatedBy: "data: ").count - 1 == 8)
        }
    }

    @Test func aClientThatLeavesEndsTheUpstreamCall() async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.enableStreaming(client)
            let model = try await PredictAPITests.openAIModel(client)
            // Twenty tokens 250 ms apart: five seconds of upstream if nobody stops it.
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"reply":{"text":"a b c d e f g h i j k l m n o p q r s t"},"pacing":{"delay_between_tokens_ms":250}}}"#)
            let port = try #require(client.client.port)
            let reader = Task {
                var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/_plugins/_ml/models/\(model)/_predict/stream")
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(string: #"{"parameters":{"messages":[{"role":"user","content":"go"}],\#(Self.openAIInterface)}}"#))
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
                for try await _ in response.body { break }  // one chunk, then leave
            }
            _ = try? await reader.value
            var call: JSONValue?
            for _ in 0..<40 {
                call = try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.last
                if call?["duration_ms"] != .null { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            // The upstream read ended long before the reply's five seconds.
            let duration = try #require(call?["duration_ms"]?.numberValue?.intValue)
            #expect(duration < 4000, "upstream kept streaming for \(duration) ms after the client left")
            let firstChunk = try #require(call?["first_chunk_ms"]?.numberValue?.intValue, "the journal notes the first chunk")
            #expect(firstChunk <= duration)
        }
    }

    @Test func mockOverHTTPExercisesTheRealOutboundPathForBothProviders() async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.enableStreaming(client)
            let port = try #require(client.client.port)
            try await client.call(.put, "/_cluster/settings", #"""
                {"persistent":{"plugins.ml_commons.trusted_connector_endpoints_regex":["^http://127\\.0\\.0\\.1:.*$"],
                 "plugins.ml_commons.connector.private_ip_enabled":true}}
                """#)
            let local = "http://127.0.0.1:\(port)/__emulator/mock-llm"
            let openAIConnector = Fixture.openAIConnector.replacingAll("https://${parameters.endpoint}", with: local)
            let openAIID = try await client.id(.post, "/_plugins/_ml/connectors/_create", openAIConnector, field: "connector_id")
            let openAIModel = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: openAIID), field: "model_id")
            let openAI = try await client.call(
                .post, "/_plugins/_ml/models/\(openAIModel)/_predict/stream",
                #"{"parameters":{"messages":[{"role":"user","content":"via loopback"}],\#(Self.openAIInterface)}}"#)
            #expect(openAI.body == Self.chunk("Mock") + Self.chunk(" reply") + Self.chunk(" to:") + Self.chunk(" via")
                + Self.chunk(" loopback") + Self.chunk("", last: true))

            let bedrockConnector = Fixture.request("create-bedrock-connector")
                .replacingAll("https://bedrock-runtime.${parameters.region}.amazonaws.com", with: local)
            let bedrockModel = try await Self.bedrockModel(client, connector: bedrockConnector)
            let bedrock = try await client.call(
                .post, "/_plugins/_ml/models/\(bedrockModel)/_predict/stream",
                #"{"parameters":{"system_prompt":"s","prompt":"signed loopback","_llm_interface":"bedrock/converse/claude"}}"#)
            #expect(bedrock.body == Self.chunk("Mock") + Self.chunk(" reply") + Self.chunk(" to:") + Self.chunk(" signed")
                + Self.chunk(" loopback") + Self.chunk("", last: true))
        }
    }
}

/// The remote-inference flag, read inside the stream as `getRequest` reads it.
@Suite("Predict stream with remote inference off")
struct PredictStreamRemoteInferenceTests {
    @Test func theStreamEndsWithTheFlagsMessage() async throws {
        try await EmulatorHarness.withServer { client in
            try await PredictStreamTests.enableStreaming(client)
            let model = try await PredictAPITests.openAIModel(client)
            try await client.call(.put, "/_cluster/settings", #"{"transient":{"plugins.ml_commons.remote_inference.enabled":false}}"#)
            let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict/stream", FaultMatrixTests.question)
            #expect(reply.status == 200)
            #expect(reply.body == "data: {\"error\": \"Remote Inference is currently disabled. To enable it, update the setting \\\"plugins.ml_commons.remote_inference_enabled\\\" to true.\"}\n\n")
        }
    }
}
