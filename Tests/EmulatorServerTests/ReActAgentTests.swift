import Foundation
import MLCommonsCore
import Testing

/// Conversational agents without `_llm_interface`: ml-commons' ReAct prompt mode over the mock LLM.
@Suite("ReAct prompt mode")
struct ReActAgentTests {
    static let connector = #"{"name":"c","version":1,"protocol":"http","parameters":{"model":"gpt-4o-mini"},"credential":{"openAI_key":"k"},"actions":[{"action_type":"predict","method":"POST","url":"https://api.openai.com/v1/chat/completions","headers":{"Authorization":"Bearer ${credential.openAI_key}"},"request_body":"{\"model\":\"${parameters.model}\",\"messages\":[{\"role\":\"user\",\"content\":\"${parameters.prompt}\"}]}"}]}"#

    static func agent(_ client: EmulatorClient, tools: String) async throws -> String {
        let model = try await client.id(.post, "/_plugins/_ml/models/_register",
            #"{"name":"gpt","function_name":"remote","connector":\#(connector)}"#, field: "model_id")
        return try await client.id(.post, "/_plugins/_ml/agents/_register", #"""
            {"name":"react","type":"conversational","llm":{"model_id":"\#(model)","parameters":{"response_filter":"$.choices[0].message.content"}},
            "memory":{"type":"conversation_index"},"tools":\#(tools)}
            """#, field: "agent_id")
    }

    /// The first prompt byte for byte (ml-commons' templates, the tool list with its trailing comma), escaped
    /// as connectors escape parameters; an answer that names no tool is the final answer as it is.
    @Test func theFirstPromptIsMLCommons() async throws {
        try await EmulatorHarness.withServer { client in
            let agent = try await Self.agent(client, tools: #"[{"type":"ListIndexTool"}]"#)
            _ = try await client.call(.delete, "/__emulator/outbound")
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute",
                #"{"parameters":{"question":"How many indices are in my cluster?"}}"#)
            #expect(reply.status == 200)
            let expected = try String(
                contentsOf: Fixture.directory.deletingLastPathComponent().appendingPathComponent("react/first-prompt-list-index-tool.txt"),
                encoding: .utf8)
            let call = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.first)
            #expect(call["body"]?.stringValue
                == #"{"model":"gpt-4o-mini","messages":[{"role":"user","content":""# + JSONEscaping.escapeJson(expected) + #""}]}"#)
            let response = try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.last
            #expect(response?["dataAsMap"]?["response"]?.stringValue == ("Mock reply to: " + expected).javaTrimmed)
        }
    }

    /// Two tool steps then the answer: each step's JSON read from its fence, the tools run with the inputs the
    /// LLM chose, their results in the next prompt, every step traced under the root message.
    @Test func twoToolStepsAndAnAnswer() async throws {
        try await EmulatorHarness.withServer { client in
            _ = try await client.call(.put, "/test-index", #"{"mappings":{"properties":{"a":{"type":"keyword"}}}}"#)
            #expect(try await client.call(.put, "/__emulator/mock-llm/script", #"""
                {"rules":[
                  {"match":{"last_user_message":"TOOL RESPONSE of IndexMappingTool"},
                   "reply":{"text":"```json\n{\n  \"thought\": \"Now I know the final answer\",\n  \"final_answer\": \"test-index has one field, a.\"\n}\n```"}},
                  {"match":{"last_user_message":"TOOL RESPONSE of ListIndexTool"},
                   "reply":{"text":"```json\n{\"thought\": \"I need the mapping\", \"action\": \"IndexMappingTool\", \"action_input\": {\"index\": [\"test-index\"]}}\n```"}},
                  {"match":{"last_user_message":"USER'S INPUT"},
                   "reply":{"text":"Sure.\n```json\n{\"thought\": \"I need the indices\", \"action\": \"ListIndexTool\", \"action_input\": {\"indices\": []}}\n```"}}]}
                """#).status == 200)
            let agent = try await Self.agent(client, tools: #"[{"type":"ListIndexTool"},{"type":"IndexMappingTool"}]"#)
            _ = try await client.call(.delete, "/__emulator/outbound")
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"What is in test-index?"}}"#)
            let output = try #require(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue)
            #expect(output.last?["dataAsMap"] == ["response": "test-index has one field, a.", "additional_info": [:]])
            let parent = try #require(output.dropFirst().first?["result"]?.stringValue)

            let traces = try #require(try await client.call(.get, "/_plugins/_ml/memory/message/\(parent)/traces").json["traces"]?.arrayValue)
            #expect(traces.compactMap { $0["origin"]?.stringValue } == ["LLM", "ListIndexTool", "LLM", "IndexMappingTool", "LLM"])
            #expect(traces.first?["response"] == #"{"thought": "I need the indices", "action": "ListIndexTool", "action_input": {"indices": []}}"#)
            #expect(traces.dropFirst().first?["input"] == #"{"indices":[]}"#)
            #expect(traces.dropFirst(3).first?["input"] == #"{"index":["test-index"]}"#)
            #expect(traces.dropFirst(3).first?["response"]?.stringValue?.hasPrefix("index: test-index\n\nmappings:\nproperties={a={type=keyword}}") == true)
            #expect(traces.last?["response"] == "test-index has one field, a.")

            // The third prompt carries both tool rounds, in ml-commons' tool-response template.
            let calls = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue)
            #expect(calls.count == 3)
            let third = try #require(calls.last?["body"]?.stringValue)
            #expect(third.contains(JSONEscaping.escapeJson(
                "Assistant:\n---------------------\n{\"thought\": \"I need the indices\", \"action\": \"ListIndexTool\", \"action_input\": {\"indices\": []}}\n\nHuman: TOOL RESPONSE of ListIndexTool: \n---------------------\nTool input:\n{\"indices\":[]}\n\nTool output:\nrow,health")))
            #expect(third.contains(JSONEscaping.escapeJson("Human: TOOL RESPONSE of IndexMappingTool: \n---------------------\nTool input:\n{\"index\":[\"test-index\"]}")))
        }
    }

    @Test func theIterationLimitEndsTheRunWithTheLastThought() async throws {
        try await EmulatorHarness.withServer { client in
            _ = try await client.call(.put, "/__emulator/mock-llm/script", #"""
                {"default":{"reply":{"text":"{\"thought\": \"again\", \"action\": \"ListIndexTool\", \"action_input\": \"\"}"}}}
                """#)
            let agent = try await Self.agent(client, tools: #"[{"type":"ListIndexTool"}]"#)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute",
                #"{"parameters":{"question":"loop","max_iteration":"3"}}"#)
            let output = try #require(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue)
            #expect(output.last?["dataAsMap"]?["response"] == "Agent reached maximum iterations (3) without completing the task. Last thought: again")
        }
    }

    /// 3.3 cannot stream this mode: the stream handler fails on the missing interface and says so in one event.
    @Test func streamingFailsAsInMLCommons() async throws {
        try await EmulatorHarness.withServer { client in
            _ = try await client.call(.put, "/_cluster/settings", #"{"persistent":{"plugins.ml_commons.stream_enabled":true}}"#)
            let agent = try await Self.agent(client, tools: #"[{"type":"ListIndexTool"}]"#)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", #"{"parameters":{"question":"hi"}}"#)
            #expect(reply.status == 200)
            #expect(reply.body == "data: {\"error\": \"Fail to execute streaming\"}\n\n")
        }
    }
}
