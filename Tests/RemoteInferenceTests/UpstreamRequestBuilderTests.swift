import Foundation
import MLCommonsCore
import RemoteInference
import Testing

@Suite("Rendering connector actions into upstream requests")
struct UpstreamRequestBuilderTests {
    static let openAI: JSONObject = [
        "name": "OpenAI", "protocol": "http",
        "parameters": ["endpoint": "api.openai.com", "model": "gpt-3.5-turbo"],
        "actions": [[
            "action_type": "PREDICT", "method": "POST", "url": "https://${parameters.endpoint}/v1/chat/completions",
            "headers": ["Authorization": "Bearer ${credential.openAI_key}"],
            "request_body": #"{ "model": "${parameters.model}", "messages": ${parameters.messages} }"#,
        ]],
    ]

    static let bedrock: JSONObject = [
        "name": "Bedrock", "protocol": "aws_sigv4",
        "parameters": ["region": "us-east-1", "service_name": "bedrock", "model": "anthropic.claude-3-sonnet-20240229-v1:0"],
        "actions": [[
            "action_type": "PREDICT", "method": "POST",
            "url": "https://bedrock-runtime.${parameters.region}.amazonaws.com/model/${parameters.model}/converse",
            "request_body": #"{ "system": [{"text": "${parameters.system_prompt}"}], "messages": [{"role":"user","content":[{"text":"${parameters.prompt}"}]}], "inferenceConfig": {"maxTokens": 10} }"#,
        ]],
    ]

    static func connector(_ document: JSONObject, _ credential: JSONObject) throws -> ResolvedConnector {
        try ResolvedConnector(document: document, credential: credential)
    }

    @Test func openAIPredictKeepsTemplateWhitespaceAndCredentialInHeadersOnly() throws {
        let builder = UpstreamRequestBuilder(connector: try Self.connector(Self.openAI, ["openAI_key": "sk-1"]))
        let request = try builder.predict(requestParameters: RequestParameters.escaped([
            "messages": #"[{"role":"user","content":"Hi"}]"#,
        ]))
        #expect(request.url == "https://api.openai.com/v1/chat/completions")
        #expect(String(decoding: request.body, as: UTF8.self)
            == #"{ "model": "gpt-3.5-turbo", "messages": [{"role":"user","content":"Hi"}] }"#)
        #expect(request.headers.map { "\($0.name): \($0.value)" } == ["Authorization: Bearer sk-1", "Content-Type: application/json"])
    }

    @Test func missingParameterIsReportedByName() throws {
        let builder = UpstreamRequestBuilder(connector: try Self.connector(Self.openAI, ["openAI_key": "sk-1"]))
        #expect {
            _ = try builder.predict(requestParameters: [:])
        } throws: { error in
            (error as? OpenSearchError)?.reason == #"Invalid payload: { "model": "gpt-3.5-turbo", "messages": ${parameters.messages} }"#
        }
    }

    @Test func openAIStreamAddsStreamFlagAndSSEHeaders() throws {
        let builder = UpstreamRequestBuilder(connector: try Self.connector(Self.openAI, ["openAI_key": "sk-1"]))
        let (request, interface) = try builder.stream(requestParameters: RequestParameters.escaped([
            "messages": #"[{"role":"user","content":"Hi"}]"#, "_llm_interface": "openai/v1/chat/completions",
        ]))
        #expect(interface == .openAIChatCompletions)
        #expect(String(decoding: request.body, as: UTF8.self)
            == #"{"model":"gpt-3.5-turbo","messages":[{"role":"user","content":"Hi"}],"stream":true}"#)
        #expect(request.headers.contains { $0.name == "Accept" && $0.value == "text/event-stream" })
    }

    @Test func streamingNeedsTheConnectorsInterface() throws {
        let builder = UpstreamRequestBuilder(connector: try Self.connector(Self.openAI, ["openAI_key": "sk-1"]))
        for parameters in [[:], ["_llm_interface": "bedrock/converse/claude"], ["_llm_interface": "nope"]] {
            #expect(throws: InferenceError.streamingFailed) { _ = try builder.stream(requestParameters: parameters) }
        }
    }

    @Test func bedrockStreamIsSignedAndGoesToConverseStream() throws {
        let fixed = Date(timeIntervalSince1970: 1_440_938_160)  // 20150830T123600Z
        let builder = UpstreamRequestBuilder(
            connector: try Self.connector(Self.bedrock, ["access_key": "AKIDEXAMPLE", "secret_key": "secret"]), clock: { fixed })
        let (request, interface) = try builder.stream(requestParameters: [
            "_llm_interface": "bedrock/converse/claude", "system_prompt": "Be brief.", "prompt": "Hi",
        ])
        #expect(interface == .bedrockConverseClaude)
        #expect(request.url == "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-sonnet-20240229-v1%3A0/converse-stream")
        // ml-commons builds a ConverseStreamRequest: only system, messages and toolConfig survive.
        #expect(String(decoding: request.body, as: UTF8.self)
            == #"{"messages":[{"role":"user","content":[{"text":"Hi"}]}],"system":[{"text":"Be brief."}]}"#)
        let authorization = try #require(request.headers.first { $0.name == "Authorization" }?.value)
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/bedrock/aws4_request, SignedHeaders="))
        #expect(request.headers.contains { $0.name == "X-Amz-Date" && $0.value == "20150830T123600Z" })
    }
}
