import MLCommonsCore
import Testing

@Suite("Agent registration and lookup")
struct AgentAPITests {
    static let chatAgent = """
        {"name":"Chat agent","type":"conversational","description":"this is a test agent",
         "llm":{"model_id":"M1","parameters":{"max_iteration":5,"response_filter":"$.choices[0].message.content"}},
         "memory":{"type":"conversation_index"},
         "parameters":{"_llm_interface":"openai/v1/chat/completions"},
         "tools":[{"type":"ListIndexTool","name":"RetrieveIndexMetaTool"},{"type":"IndexMappingTool","name":"DemoIndexMappingTool"}],
         "app_type":"chat_with_rag"}
        """

    @Test func registerGetSearchUpdateDelete() async throws {
        try await EmulatorHarness.withServer { client in
            let id = try await client.id(.post, "/_plugins/_ml/agents/_register", Self.chatAgent, field: "agent_id")
            let agent = try await client.call(.get, "/_plugins/_ml/agents/\(id)").json
            #expect(agent.objectValue?.keys == ["name", "type", "description", "llm", "tools", "parameters", "memory", "created_time", "last_updated_time", "app_type", "is_hidden"])
            #expect(agent["llm"]?["parameters"]?["max_iteration"] == "5")
            #expect(agent["tools"]?.arrayValue?.first == ["type": "ListIndexTool", "name": "RetrieveIndexMetaTool", "include_output_in_agent_response": false])
            let search = try await client.call(.post, "/_plugins/_ml/agents/_search", #"{"query":{"match":{"name":"chat"}}}"#)
            #expect(try search.json["hits"]?["total"]?["value"] == 1)
            let update = try await client.call(.put, "/_plugins/_ml/agents/\(id)", #"{"description":"updated"}"#)
            #expect(update.body.contains(#""result":"updated""#))
            #expect(try await client.call(.get, "/_plugins/_ml/agents/\(id)").json["description"] == "updated")
            #expect(try await client.call(.delete, "/_plugins/_ml/agents/\(id)").body.contains(#""result":"deleted""#))
        }
    }

    @Test func documentationAgentKeepsToolsAndStringParameters() async throws {
        try await EmulatorHarness.withServer { client in
            let id = try await client.id(
                .post, "/_plugins/_ml/agents/_register", Fixture.request("register-chat-agent", ["model_id": "M1"]),
                field: "agent_id")
            let agent = try await client.call(.get, "/_plugins/_ml/agents/\(id)").json
            #expect(agent["llm"]?["parameters"]?["max_iteration"] == "5")
            #expect(agent["llm"]?["parameters"]?["prompt"] == "${parameters.question}")
            #expect(agent["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["DemoIndexMappingTool", "RetrieveIndexMetaTool"])
            #expect(agent["tools"]?.arrayValue?.first?.objectValue?.keys == ["type", "name", "parameters", "include_output_in_agent_response"])
            #expect(agent["memory"] == ["type": "conversation_index"])
            #expect(agent["app_type"] == "my_app")
        }
    }

    @Test func unknownAgent() async throws {
        try await EmulatorHarness.withServer { client in
            #expect(try await client.call(.get, "/_plugins/_ml/agents/nope").body
                == envelope("status_exception", "Failed to get agent index", status: 404))
            try await client.call(.post, "/_plugins/_ml/agents/_register", Self.chatAgent)
            #expect(try await client.call(.get, "/_plugins/_ml/agents/nope").body
                == envelope("status_exception", "Failed to find agent with the provided agent id: nope", status: 404))
            #expect(try await client.call(.delete, "/_plugins/_ml/agents/nope").body
                == envelope("status_exception", "Fail to find ml agent", status: 404))
        }
    }

    @Test func registrationValidation() async throws {
        try await EmulatorHarness.withServer { client in
            let cases: [(String, String)] = [
                (#"{"type":"flow"}"#, "Agent name can't be null"),
                (#"{"name":" ","type":"flow"}"#, "Agent name cannot be empty or exceed max length of 128 characters"),
                (#"{"name":"a"}"#, "Agent type can't be null"),
                (#"{"name":"a","type":"robot"}"#, "robot is not a valid Agent Type"),
                (#"{"name":"a","type":"conversational"}"#, "We need model information for the conversational agent type"),
                (#"{"name":"a","type":"flow","tools":[{"type":"X"},{"type":"X"}]}"#, "Duplicate tool defined: X"),
                (#"{"name":"a","type":"flow","llm":{}}"#, "model id is null"),
                (#"{"name":"a","type":"flow","tools":[{"name":"x"}]}"#, "tool type is null"),
                (#"{"name":"a","type":"flow","parameters":{"_llm_interface":" "}}"#, "_llm_interface cannot be blank or empty"),
                (#"{"name":"a","type":"flow","parameters":{"_llm_interface":"gemini"}}"#, "Invalid _llm_interface: gemini"),
            ]
            for (body, message) in cases {
                let reply = try await client.call(.post, "/_plugins/_ml/agents/_register", body)
                #expect(reply.body == envelope("illegal_argument_exception", message, status: 400), "\(body)")
            }
        }
    }

    @Test func agentFrameworkFlagOff() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/_cluster/settings", #"{"transient":{"plugins.ml_commons.agent_framework_enabled":false}}"#)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/_register", Self.chatAgent)
            #expect(reply.status == 500)
            #expect(reply.body == envelope(
                "illegal_state_exception",
                "Agent Framework is currently disabled. To enable it, update the setting \"plugins.ml_commons.agent_framework_enabled\" to true.",
                status: 500))
        }
    }
}
