import MLCommonsCore
import Testing

@Suite("Response filter and parseResponse")
struct ResponseFilterTests {
    private func dataAsMap(_ body: String, _ filter: String?) throws -> String {
        JSONValue.object(try ResponseFilter.dataAsMap(responseBody: body, responseFilter: filter)).gsonText
    }

    @Test func wholeBodyIsReadByGsonSoEveryNumberIsADouble() throws {
        #expect(try dataAsMap(JSONPathTests.chatCompletion, nil) == #"{"id":"chatcmpl-CLl4n","object":"chat.completion","created":1.759580469E9,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0.0,"message":{"role":"assistant","content":"Hello! How can I help?","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":33.0,"completion_tokens":9.0,"total_tokens":42.0},"service_tier":"default"}"#)
    }

    @Test func textFilterResultIsWrapped() throws {
        #expect(try dataAsMap(JSONPathTests.chatCompletion, "$.choices[0].message.content")
            == #"{"response":"Hello! How can I help?"}"#)
    }

    @Test func filteredObjectsAndListsKeepJsonSmartIntegers() throws {
        #expect(try dataAsMap(JSONPathTests.chatCompletion, "$.usage")
            == #"{"prompt_tokens":33,"completion_tokens":9,"total_tokens":42}"#)
        #expect(try dataAsMap(JSONPathTests.chatCompletion, "$.choices[*].index") == #"{"response":[0]}"#)
        #expect(try dataAsMap(#"{"a":{"x":0.50,"big":12345678901,"f":1e2}}"#, "$.a") == #"{"x":0.5,"big":12345678901,"f":100.0}"#)
        #expect(try dataAsMap(JSONPathTests.chatCompletion, "$.created") == #"{"response":1759580469}"#)
        #expect(try dataAsMap(JSONPathTests.chatCompletion, "$.choices[0].logprobs") == #"{"response":null}"#)
    }

    @Test func filteredJSONTextIsReadByGson() throws {
        let body = #"{"choices":[{"message":{"content":"{\"answer\":42,\"list\":[1]}"}},{"message":{"content":"[1,2.5]"}}]}"#
        #expect(try dataAsMap(body, "$.choices[0].message.content") == #"{"answer":42.0,"list":[1.0]}"#)
        #expect(try dataAsMap(body, "$.choices[1].message.content") == #"{"response":[1.0,2.5]}"#)
    }

    @Test func nonJSONBodyIsWrappedAsText() throws {
        #expect(try dataAsMap("plain text", nil) == #"{"response":"plain text"}"#)
        #expect(try dataAsMap(#""quoted""#, nil) == #"{"response":"\"quoted\""}"#)
    }

    @Test func topLevelArrayBodyIsWrapped() throws {
        #expect(try dataAsMap(#"[[0.1,2],[3]]"#, nil) == #"{"response":[[0.1,2.0],[3.0]]}"#)
    }

    @Test func missingFilterPathFailsAsMLException() {
        #expect(throws: JSONPathError.pathNotFound("No results for path: $['nope']")) {
            try dataAsMap(JSONPathTests.chatCompletion, "$.nope")
        }
        let error = ResponseFilter.processingFailure(action: "predict", cause: .pathNotFound("No results for path: $['nope']"))
        #expect(error.javaClass == "MLException")
        #expect(error.reason == "Fail to execute predict in aws connector")
        #expect(error.causes.first?.javaClass == "PathNotFoundException")
    }

    @Test func postProcessFunctionsAndTheirDefaultFilters() throws {
        #expect(PostProcessFunction.allCases.count == 17)
        #expect(PostProcessFunction(rawValue: "connector.post_process.openai.embedding")?.defaultResponseFilter == "$.data[*].embedding")
        #expect(PostProcessFunction.cohereV2EmbeddingInt8.defaultResponseFilter == "$.embeddings.int8")
        #expect(PostProcessFunction.bedrockNovaEmbedding.defaultResponseFilter == "$.embeddings[*].embedding")
        #expect(PostProcessFunction.defaultRerank.defaultResponseFilter == "$[*]")
        #expect(PostProcessFunction.mlCommonsPassthrough.defaultResponseFilter == "$")
        #expect(PostProcessFunction.openAIEmbedding.responseFilter(overriddenBy: "  ") == "$.data[*].embedding")
        #expect(PostProcessFunction.openAIEmbedding.responseFilter(overriddenBy: "$.data[0].embedding") == "$.data[0].embedding")
        for function in PostProcessFunction.allCases { _ = try JSONPath(function.defaultResponseFilter) }
        let embedding = try JSONPath(PostProcessFunction.openAIEmbedding.defaultResponseFilter)
            .read(try JSONParser.parse(JSONPathTests.embeddings))
        #expect(embedding.gsonText == "[[0.1,-0.2],[0.3,0.4]]")
    }
}
