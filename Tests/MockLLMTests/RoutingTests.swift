import MLCommonsCore
import Testing

@testable import MockLLM

@Suite struct RoutingTests {
    @Test func unknownPathIs404() {
        let response = TestSupport.mock().respond(to: TestSupport.openAI("{}", path: "/v1/embeddings"))
        #expect(response.status == 404)
        #expect(response.bodyText == #"{"error":{"message":"Invalid URL (POST /v1/embeddings)","type":"invalid_request_error","param":null,"code":null}}"#)
        #expect(TestSupport.mock().respond(to: TestSupport.openAI("{}", path: "/model/x/invoke")).status == 404)
    }

    @Test func prefixedPathsRoute() throws {
        let llm = TestSupport.mock()
        let openAI = llm.respond(to: TestSupport.openAI(#"{"model":"m","messages":[]}"#, path: "/__emulator/mock-llm/v1/chat/completions"))
        #expect(openAI.status == 200)
        var bedrock = TestSupport.bedrock(#"{"messages":[]}"#)
        bedrock.path = "/__emulator/mock-llm" + bedrock.path
        #expect(llm.respond(to: bedrock).status == 200)
    }

    @Test func wrongMethod() {
        var openAI = TestSupport.openAI("")
        openAI.method = "GET"
        let response = TestSupport.mock().respond(to: openAI)
        #expect(response.status == 405)
        #expect(response.bodyText.contains("Invalid method for URL (GET /v1/chat/completions)"))
        var bedrock = TestSupport.bedrock("")
        bedrock.method = "GET"
        #expect(TestSupport.mock().respond(to: bedrock).headerValue(named: "x-amzn-ErrorType") == "UnknownOperationException")
    }

    @Test func malformedOpenAIBody() {
        let response = TestSupport.mock().respond(to: TestSupport.openAI(#"{"model": "#))
        #expect(response.status == 400)
        #expect(response.headerValue(named: "content-type") == "application/json")
        #expect(response.bodyText == #"{"error":{"message":"\#(MockLLMConversation.openAIUnparseableBodyMessage)","type":"invalid_request_error","param":null,"code":null}}"#)
    }

    @Test func openAIRequiredFields() throws {
        let noModel = TestSupport.mock().respond(to: TestSupport.openAI(#"{"messages":[]}"#))
        #expect(noModel.status == 400)
        #expect(try TestSupport.json(noModel)["error"]?["message"] == "you must provide a model parameter")
        let noMessages = TestSupport.mock().respond(to: TestSupport.openAI(#"{"model":"m"}"#))
        #expect(noMessages.bodyText
            == #"{"error":{"message":"Missing required parameter: 'messages'.","type":"invalid_request_error","param":"messages","code":"missing_required_parameter"}}"#)
    }

    @Test func malformedBedrockBody() throws {
        for stream in [false, true] {
            let response = TestSupport.mock().respond(to: TestSupport.bedrock("[1,", stream: stream))
            #expect(response.status == 400)
            #expect(response.headerValue(named: "x-amzn-ErrorType") == "ValidationException")
            #expect(response.headerValue(named: "content-type") == "application/json")
            let message = try #require(try TestSupport.json(response)["message"]?.stringValue)
            #expect(message.hasPrefix("Malformed input request: "))
            #expect(try TestSupport.json(response).objectValue?.keys == ["message"])
        }
    }

    @Test func urlInitializerSplitsTheURL() {
        let request = MockLLMRequest(url: "https://bedrock-runtime.us-east-1.amazonaws.com/model/a%3A0/converse?x=1")
        #expect(request.host == "bedrock-runtime.us-east-1.amazonaws.com")
        #expect(request.path == "/model/a%3A0/converse")
        #expect(request.query == "x=1")
        #expect(request.method == "POST")
    }
}
