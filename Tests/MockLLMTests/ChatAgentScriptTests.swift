import MLCommonsCore
import Testing

@testable import MockLLM

/// The docs' conversational agent (`fixtures/requests/register-chat-agent.json`) against `chat-agent.json`,
/// with bodies shaped as ml-commons renders them (behaviour reference §4.2–4.5).
@Suite struct ChatAgentScriptTests {
    static let tools = #", "tools": [{"type": "function", "function": { "name": "RetrieveIndexMetaTool", "description": "Use this tool to get OpenSearch index information.", "parameters": {"type":"object","properties":{"indices":{"type":"array","items": {"type": "string"}}},"additionalProperties":false}, "strict": false } }, {"type": "function", "function": { "name": "DemoIndexMappingTool", "description": "mappings", "parameters": {"type":"object","properties":{"index":{"type":"array","items":{"type":"string"}}},"required":["index"],"additionalProperties":false}, "strict": true } }], "parallel_tool_calls": false"#
    static let csv = "row,health,status,index,uuid,pri(number of primary shards),rep(number of replica shards),docs.count(number of available documents),docs.deleted(number of deleted documents),store.size(store size of primary and replica shards),pri.store.size(store size of primary shards)\n1,green,open,.plugins-ml-config,u1,1,0,1,0,4kb,4kb\n2,green,open,.plugins-ml-agent,u2,1,0,1,0,9kb,9kb\n3,yellow,open,my-index,u3,1,1,3,0,17.1kb,17.1kb\n"

    static func llm() throws -> MockLLM {
        TestSupport.mock(try MockLLMScript(bytes: TestSupport.fixture("chat-agent")))
    }

    static func openAIBody(interactions: String = "", stream: Bool = false) -> String {
        #"{ "model": "gpt-3.5-turbo", "messages": [{"role":"developer","content":"You are a helpful assistant."},{"role":"user","content":"How many indices are in my cluster?"}\#(interactions)]\#(tools)\#(stream ? #", "stream": true"# : "") }"#
    }

    @Test func openAIToolCallThenCount() throws {
        let llm = try Self.llm()
        let first = try TestSupport.json(llm.respond(to: TestSupport.openAI(Self.openAIBody())))
        let choice = try #require(first["choices"]?.arrayValue?.first)
        #expect(choice["finish_reason"] == "tool_calls")
        let message = try #require(choice["message"])
        let call = try #require(message["tool_calls"]?.arrayValue?.first)
        #expect(call["function"] == ["name": "RetrieveIndexMetaTool", "arguments": "{}"])
        let callID = try #require(call["id"]?.stringValue)

        // ml-commons echoes the assistant message, then the tool output (§4.5).
        let toolMessage: JSONValue = ["role": "tool", "tool_call_id": .string(callID), "content": .string(Self.csv)]
        let interactions = ", " + message.compactText + ", " + toolMessage.compactText
        let second = try TestSupport.json(llm.respond(to: TestSupport.openAI(Self.openAIBody(interactions: interactions))))
        #expect(second["choices"]?.arrayValue?.first?["message"]?["content"] == "There are 3 indices in your cluster.")
        #expect(second["choices"]?.arrayValue?.first?["finish_reason"] == "stop")
    }

    @Test func openAIStreamingToolCall() throws {
        let data = TestSupport.sseData(try Self.llm().respond(to: TestSupport.openAI(Self.openAIBody(stream: true))))
        let deltas = try data.dropLast().map { try JSONParser.parse($0)["choices"]?.arrayValue?.first }
        #expect(deltas[0]?["delta"]?["tool_calls"]?.arrayValue?.first?["function"] == ["name": "RetrieveIndexMetaTool", "arguments": ""])
        #expect(deltas[1]?["delta"]?.compactText == #"{"tool_calls":[{"index":0,"function":{"arguments":"{}"}}]}"#)
        #expect(deltas[2]?["finish_reason"] == "tool_calls")
        #expect(data.last == "[DONE]")
    }

    @Test func bedrockToolUseThenCount() throws {
        let llm = try Self.llm()
        let toolConfig = #", "toolConfig": {"tools": [{"toolSpec":{"name":"RetrieveIndexMetaTool","description":"d","inputSchema": {"json": {"type":"object"} } }}]}"#
        let question = #"{"role":"user","content":[{"text":"How many indices are in my cluster?"}]}"#
        let first = llm.respond(to: TestSupport.bedrock(#"{ "system": [{"text": "You are a helpful assistant."}], "messages": [\#(question)]\#(toolConfig) }"#, stream: true))
        let summary = try TestSupport.eventSummary(first)
        #expect(summary[1].hasPrefix(#"contentBlockStart {"contentBlockIndex":0,"start":{"toolUse":{"name":"RetrieveIndexMetaTool","toolUseId":"tooluse_mock_"#))
        #expect(summary[2] == #"contentBlockDelta {"contentBlockIndex":0,"delta":{"toolUse":{"input":"{}"}}}"#)
        #expect(summary[4] == #"messageStop {"stopReason":"tool_use"}"#)

        let result: JSONValue = ["role": "user", "content": [["toolResult": ["toolUseId": "tooluse_mock_1", "content": [["text": .string(Self.csv)]], "status": nil]]]]
        let assistant = #"{"content":[{"toolUse":{"input":{},"name":"RetrieveIndexMetaTool","toolUseId":"tooluse_mock_1"}}],"role":"assistant"}"#
        let second = llm.respond(to: TestSupport.bedrock(#"{ "system": [{"text": "s"}], "messages": [\#(question), \#(assistant), \#(result.compactText)]\#(toolConfig) }"#))
        #expect(try TestSupport.json(second)["output"]?["message"]?["content"] == [["text": "There are 3 indices in your cluster."]])
    }

    @Test func emptyToolResultCountsZero() throws {
        let toolMessage: JSONValue = ["role": "tool", "tool_call_id": "c", "content": "row,health\n"]
        let response = try Self.llm().respond(to: TestSupport.openAI(Self.openAIBody(interactions: ", " + toolMessage.compactText)))
        #expect(try TestSupport.json(response)["choices"]?.arrayValue?.first?["message"]?["content"] == "There are 0 indices in your cluster.")
    }
}
