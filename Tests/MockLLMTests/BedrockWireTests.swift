import MLCommonsCore
import Testing
import WireFormats

@testable import MockLLM

@Suite struct BedrockWireTests {
    static let question = #"{"system":[{"text":"You are helpful."}],"messages":[{"role":"user","content":[{"text":"Hi there"}]}]}"#

    @Test func converseIsByteExact() throws {
        let llm = try TestSupport.mock(scriptJSON: #"{"rules":[{"reply":{"text":"Hello world"}}]}"#)
        let response = llm.respond(to: TestSupport.bedrock(Self.question))
        #expect(response.status == 200)
        #expect(response.headerValue(named: "content-type") == "application/json")
        #expect(response.bodyText
            == #"{"metrics":{"latencyMs":0},"output":{"message":{"content":[{"text":"Hello world"}],"role":"assistant"}},"stopReason":"end_turn","usage":{"inputTokens":5,"outputTokens":2,"totalTokens":7}}"#)
    }

    @Test func converseToolUse() throws {
        let llm = try TestSupport.mock(scriptJSON: #"{"rules":[{"reply":{"tool_call":{"name":"RetrieveIndexMetaTool","arguments":{"indices":["a"]}}}}]}"#)
        let json = try TestSupport.json(llm.respond(to: TestSupport.bedrock(Self.question)))
        #expect(json["stopReason"] == "tool_use")
        let toolUse = try #require(json["output"]?["message"]?["content"]?.arrayValue?.first?["toolUse"])
        #expect(toolUse.objectValue?.keys == ["input", "name", "toolUseId"])
        #expect(toolUse["input"] == ["indices": ["a"]])
        #expect(toolUse["name"] == "RetrieveIndexMetaTool")
        #expect(toolUse["toolUseId"]?.stringValue?.hasPrefix("tooluse_mock_") == true)
        #expect(json["output"]?["message"]?["role"] == "assistant")
    }

    @Test func converseStreamDecodesInOrder() throws {
        let llm = try TestSupport.mock(scriptJSON: #"{"rules":[{"reply":{"text":"Hello big world"}}]}"#)
        let response = llm.respond(to: TestSupport.bedrock(Self.question, stream: true))
        #expect(response.headerValue(named: "content-type") == "application/vnd.amazon.eventstream")
        #expect(try TestSupport.eventSummary(response) == [
            #"messageStart {"role":"assistant"}"#,
            #"contentBlockDelta {"contentBlockIndex":0,"delta":{"text":"Hello"}}"#,
            #"contentBlockDelta {"contentBlockIndex":0,"delta":{"text":" big"}}"#,
            #"contentBlockDelta {"contentBlockIndex":0,"delta":{"text":" world"}}"#,
            #"contentBlockStop {"contentBlockIndex":0}"#,
            #"messageStop {"stopReason":"end_turn"}"#,
            #"metadata {"metrics":{"latencyMs":0},"usage":{"inputTokens":5,"outputTokens":3,"totalTokens":8}}"#,
        ])
        for message in try TestSupport.eventMessages(response) {
            #expect(message.messageType == "event")
            #expect(message.contentType == "application/json")
        }
        // One event-stream message per frame, so pacing applies per event.
        #expect(response.frames.count == 7)
    }

    @Test func converseStreamToolUse() throws {
        let llm = try TestSupport.mock(scriptJSON: #"{"rules":[{"reply":{"tool_call":{"name":"T","arguments":{"a":"x y"}}}}]}"#)
        let response = llm.respond(to: TestSupport.bedrock(Self.question, stream: true))
        let messages = try TestSupport.eventMessages(response)
        let start = try JSONParser.parse(messages[1].payload)
        let toolUseID = try #require(start["start"]?["toolUse"]?["toolUseId"]?.stringValue)
        #expect(toolUseID.hasPrefix("tooluse_mock_"))
        #expect(try TestSupport.eventSummary(response) == [
            #"messageStart {"role":"assistant"}"#,
            #"contentBlockStart {"contentBlockIndex":0,"start":{"toolUse":{"name":"T","toolUseId":"\#(toolUseID)"}}}"#,
            #"contentBlockDelta {"contentBlockIndex":0,"delta":{"toolUse":{"input":"{\"a\":\"x"}}}"#,
            #"contentBlockDelta {"contentBlockIndex":0,"delta":{"toolUse":{"input":" y\"}"}}}"#,
            #"contentBlockStop {"contentBlockIndex":0}"#,
            #"messageStop {"stopReason":"tool_use"}"#,
            #"metadata {"metrics":{"latencyMs":0},"usage":{"inputTokens":5,"outputTokens":3,"totalTokens":8}}"#,
        ])
    }

    @Test func percentEncodedModelIDIsDecoded() throws {
        let llm = try TestSupport.mock(scriptJSON: #"{"rules":[{"match":{"model":"anthropic.*-v1:0"},"reply":{"text":"{{model}}"}}]}"#)
        let json = try TestSupport.json(llm.respond(to: TestSupport.bedrock(Self.question)))
        #expect(json["output"]?["message"]?["content"]?.arrayValue?.first?["text"] == "anthropic.claude-3-sonnet-20240229-v1:0")
    }

    @Test func toolResultTurnIsNotTheLastUserMessage() throws {
        let body = #"{"messages":[{"role":"user","content":[{"text":"How many indices?"}]},{"role":"assistant","content":[{"toolUse":{"toolUseId":"t1","name":"T","input":{}}}]},{"role":"user","content":[{"toolResult":{"toolUseId":"t1","content":[{"text":"row,index\n1,a\n"}],"status":null}}]}]}"#
        let llm = try TestSupport.mock(scriptJSON: #"{"rules":[{"match":{"tool_result_present":true},"reply":{"text":"{{last_user_message}} | {{tool_result}}"}}]}"#)
        let json = try TestSupport.json(llm.respond(to: TestSupport.bedrock(body)))
        #expect(json["output"]?["message"]?["content"]?.arrayValue?.first?["text"] == "How many indices? | row,index\n1,a\n")
    }
}
