import MLCommonsCore
import Testing

/// The `_predict/stream` page of the ml-commons documentation, request for request.
@Suite("The documentation's predict-stream flows")
struct DocumentedStreamFlowTests {
    static let answer = ["Mock", " reply", " to:", " Can", " you", " summarize", " Prince", " Hamlet", " of", " William", " Shakespeare", " in", " around", " 1000", " words?"]

    @Test(arguments: [
        ("register-openai-stream-model", "predict-stream-openai", "https://api.openai.com/v1/chat/completions"),
        ("register-bedrock-stream-model", "predict-stream-bedrock",
         "https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-3-7-sonnet-20250219-v1%3A0/converse-stream"),
    ])
    func streamsTheDocumentedShape(register: String, predict: String, upstreamURL: String) async throws {
        try await EmulatorHarness.withServer { client in
            let settings = try await client.call(.put, "/_cluster/settings", Fixture.request("enable-streaming"))
            #expect(settings.body == #"{"acknowledged":true,"persistent":{"plugins":{"ml_commons":{"stream_enabled":"true"}}},"transient":{}}"#)
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.request(register), field: "model_id")
            let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict/stream", Fixture.request(predict))
            #expect(reply.status == 200)
            #expect(reply.body == Self.answer.map { PredictStreamTests.chunk($0) }.joined() + PredictStreamTests.chunk("", last: true))
            let call = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.last)
            #expect(call["url"]?.stringValue == upstreamURL)
        }
    }

    @Test func bedrockStreamBodyIsTheSDKRequest() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/_cluster/settings", Fixture.request("enable-streaming"))
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.request("register-bedrock-stream-model"), field: "model_id")
            try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict/stream", Fixture.request("predict-stream-bedrock"))
            let call = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.last)
            // The ConverseStream request keeps the text of each content item and drops other fields.
            #expect(call["body"] == #"{"messages":[{"role":"user","content":[{"text":"Can you summarize Prince Hamlet of William Shakespeare in around 1000 words?"}]}]}"#)
        }
    }
}
