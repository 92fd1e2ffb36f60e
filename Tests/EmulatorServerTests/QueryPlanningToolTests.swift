import Foundation
import MLCommonsCore
import Testing

/// `QueryPlanningTool` (3.3): the index's mapping and a sample document in ml-commons' prompts, the model's text as
/// the query; the mock plans a query over the mapping's text fields.
@Suite("QueryPlanningTool")
struct QueryPlanningToolTests {
    /// The connector of ml-commons' integration test: the tool's two prompts as system and user messages.
    static let connector = #"{"name":"qpt","version":1,"protocol":"http","parameters":{"model":"gpt-4o","response_filter":"$.choices[0].message.content"},"credential":{"k":"k"},"actions":[{"action_type":"predict","method":"POST","url":"https://api.openai.com/v1/chat/completions","headers":{"Authorization":"Bearer ${credential.k}"},"request_body":"{\"model\":\"${parameters.model}\",\"messages\":[{\"role\":\"system\",\"content\":\"${parameters.system_prompt}\"},{\"role\":\"user\",\"content\":\"${parameters.user_prompt}\"}]}"}]}"#

    static func prepare(_ client: EmulatorClient) async throws -> String {
        _ = try await client.call(.put, "/books", #"{"mappings":{"properties":{"title":{"type":"text"},"year":{"type":"integer"},"author":{"properties":{"name":{"type":"text"}}}}}}"#)
        _ = try await client.call(.put, "/books/_doc/1?refresh=true", #"{"title":"Moby Dick","year":1851,"author":{"name":"Melville"},"blurb":"\#(String(repeating: "é", count: 260))"}"#)
        return try await client.id(.post, "/_plugins/_ml/models/_register",
            #"{"name":"gpt","function_name":"remote","connector":\#(connector)}"#, field: "model_id")
    }

    static func execute(_ client: EmulatorClient, _ parameters: String) async throws -> Reply {
        try await client.call(.post, "/_plugins/_ml/tools/_execute/QueryPlanningTool", #"{"parameters":{\#(parameters)}}"#)
    }

    /// The user prompt byte for byte (mapping under `_doc`, the sample's values as strings in `HashMap` order, long
    /// ones cut), the model's JSON read back by gson (numbers as doubles) as the tool's text.
    @Test func plansAQueryFromTheMappingAndASample() async throws {
        try await EmulatorHarness.withServer { client in
            let model = try await Self.prepare(client)
            _ = try await client.call(.delete, "/__emulator/outbound")
            let reply = try await Self.execute(client, #""model_id":"\#(model)","question":"Find books about whales","index_name":"books""#)
            #expect(reply.body == ToolExecuteTests.result(#"{"size":10.0,"query":{"multi_match":{"query":"Find books about whales","fields":["author.name","blurb","title"]}}}"#))

            let call = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.first)
            let body = try #require(call["body"]?.stringValue)
            let messages = try #require(try JSONParser.parse(body)["messages"]?.arrayValue)
            #expect(messages.first?["content"]?.stringValue == QueryPlanningPrompts.systemPrompt.replacingAll(
                "${parameters.template}", with: QueryPlanningPrompts.searchTemplate))
            let prompt = try #require(messages.last?["content"]?.stringValue)
            let time = try #require(prompt.split(separator: "\n").first { $0.hasPrefix("In UTC:") })
            #expect(time.count == #"In UTC:"2026-11-30T12:00:00Z" format: yyyy-MM-dd'T'HH:mm:ss'Z'"#.count)
            let cut = "[truncated]" + String(repeating: "é", count: 250)
            #expect(prompt == """
                Question: Find books about whales
                Mapping: "{\\"_doc\\":{\\"properties\\":{\\"author\\":{\\"properties\\":{\\"name\\":{\\"type\\":\\"text\\"}}},\\"blurb\\":{\\"type\\":\\"text\\",\\"fields\\":{\\"keyword\\":{\\"type\\":\\"keyword\\",\\"ignore_above\\":256}}},\\"title\\":{\\"type\\":\\"text\\"},\\"year\\":{\\"type\\":\\"integer\\"}}}}"
                Query Fields: 
                Sample Document from index:"{\\"year\\":\\"1851\\",\\"author\\":\\"{name=Melville}\\",\\"title\\":\\"Moby Dick\\",\\"blurb\\":\\"\(cut)\\"}"
                \(time)
                Embedding Model ID for Neural Search: not provided 
                ==== OUTPUT ====
                GIVE THE OUTPUT PART ONLY IN YOUR RESPONSE (a single JSON object)
                Output:
                """)
        }
    }

    @Test func refusals() async throws {
        try await EmulatorHarness.withServer { client in
            let model = try await Self.prepare(client)
            #expect(try await Self.execute(client, #""question":"q","index_name":"books""#).body
                == ToolExecuteTests.failure(400, "IllegalArgumentException", "Model ID can't be null or empty"))
            #expect(try await Self.execute(client, #""model_id":"\#(model)","question":"q""#).body
                == ToolExecuteTests.failure(400, "IllegalArgumentException", "Invalid parameters for tool: QueryPlanningTool"))
            // The execute API reports the deepest cause of the tool's IllegalArgumentException.
            #expect(try await Self.execute(client, #""model_id":"\#(model)","question":"q","index_name":"nope""#).body
                == ToolExecuteTests.failure(400, "IndexNotFoundException", "no such index [nope]"))
            #expect(try await Self.execute(client, #""model_id":"\#(model)","generation_type":"guess","question":"q","index_name":"books""#).body
                == ToolExecuteTests.failure(400, "IllegalArgumentException",
                    "Invalid generation type: guess. The current supported types are llmGenerated and user_templates."))
            #expect(try await Self.execute(client, #""model_id":"\#(model)","generation_type":"user_templates","question":"q","index_name":"books""#).body
                == ToolExecuteTests.failure(400, "IllegalArgumentException", "search_templates field is required when generation_type is 'user_templates'"))
            #expect(try await Self.execute(client,
                #""model_id":"\#(model)","generation_type":"user_templates","search_templates":[{"template_id":"a"}],"question":"q","index_name":"books""#).body
                == ToolExecuteTests.failure(400, "IllegalArgumentException", "search_templates field entries must have a template_description"))
        }
    }

    /// `user_templates`: a first call chooses a template; none is stored here, so the default one is used.
    @Test func userTemplatesAskForATemplateFirst() async throws {
        try await EmulatorHarness.withServer { client in
            let model = try await Self.prepare(client)
            _ = try await client.call(.delete, "/__emulator/outbound")
            let reply = try await Self.execute(client, #"""
                "model_id":"\#(model)","generation_type":"user_templates","question":"Find books about whales","index_name":"books",
                "search_templates":[{"template_id":"sales","template_description":"Aggregates sales"},{"template_id":"whales","template_description":"Searches books about whales"}]
                """#)
            #expect(reply.status == 200)
            let calls = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue)
            #expect(calls.count == 2)
            let first = try #require(calls.first?["body"]?.stringValue)
            let selection = try JSONParser.parse(first)["messages"]?.arrayValue
            #expect(selection?.last?["content"] == #"""
                ==== INPUTS ====
                question: Find books about whales
                search_templates: "[{\"template_id\":\"sales\",\"template_description\":\"Aggregates sales\"},{\"template_id\":\"whales\",\"template_description\":\"Searches books about whales\"}]"
                """#)
        }
    }

    /// Registration gives the tool the agent's model unless it names one; its parameters are then a `HashMap`'s.
    @Test func registrationLendsTheAgentsModel() async throws {
        try await EmulatorHarness.withServer { client in
            let agent = try await client.id(.post, "/_plugins/_ml/agents/_register", #"""
                {"name":"a","type":"conversational","llm":{"model_id":"m1"},"memory":{"type":"conversation_index"},
                 "tools":[{"type":"QueryPlanningTool","parameters":{"index_name":"books","b":"1","a":"2"}},{"type":"ListIndexTool","parameters":{"b":"1","a":"2"}}]}
                """#, field: "agent_id")
            let tools = try await client.call(.get, "/_plugins/_ml/agents/\(agent)").json["tools"]?.arrayValue
            #expect(tools?.first?["parameters"]?.objectValue?.keys.map { $0 } == ["a", "b", "model_id", "index_name"])
            #expect(tools?.first?["parameters"]?["model_id"] == "m1")
            #expect(tools?.last?["parameters"]?.objectValue?.keys.map { $0 } == ["b", "a"])
        }
    }
}
