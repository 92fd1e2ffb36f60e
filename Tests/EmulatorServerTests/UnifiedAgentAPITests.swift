import EmulatorServer
import MLCommonsCore
import Testing

/// The unified agent API (3.5+): registration with a `model` block, execution with a top-level `input`.
@Suite("Unified agent API")
struct UnifiedAgentAPITests {
    static let openAIAgent = #"""
        {"name":"Helper","type":"conversational","model":{"model_id":"gpt-4o","model_provider":"openai/v1/chat/completions",
         "credential":{"openai_api_key":"sk-test"},"model_parameters":{"system_prompt":"Be brief."}},
         "parameters":{"max_iteration":"3"},"memory":{"type":"conversation_index"}}
        """#
    static let enable = #"{"persistent":{"plugins.ml_commons.unified_agent_api_enabled":true}}"#

    static func withVersion<T: Sendable>(_ version: OpenSearchVersion, _ body: @Sendable (EmulatorClient) async throws -> T) async throws -> T {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = version }, body)
    }

    @Test func registrationCreatesTheModelAndRewritesTheAgent() async throws {
        try await Self.withVersion(.v3_5_0) { client in
            try await client.call(.put, "/_cluster/settings", Self.enable)
            let agentID = try await client.id(.post, "/_plugins/_ml/agents/_register", Self.openAIAgent, field: "agent_id")
            let agent = try await client.call(.get, "/_plugins/_ml/agents/\(agentID)").json
            let modelID = try #require(agent["llm"]?["model_id"]?.stringValue)
            #expect(agent["llm"]?["parameters"] == ["system_prompt": "Be brief."])
            #expect(agent["model"] == ["model_id": "gpt-4o", "model_provider": "openai/v1/chat/completions"])
            #expect(agent["parameters"] == ["max_iteration": "3", "_llm_interface": "openai/v1/chat/completions"])
            #expect(agent.objectValue?.keys.prefix(5) == ["name", "type", "llm", "model", "parameters"])

            let model = try await client.call(.get, "/_plugins/_ml/models/\(modelID)").json
            #expect(model["name"] == "Auto-generated model for gpt-4o")
            #expect(model["model_state"] == "REGISTERED")
            #expect(model["connector"]?["name"] == "Auto-generated OpenAI connector for Agent")
            #expect(model["connector"]?["actions"]?.arrayValue?.first?["request_body"]
                == #"{"model":"${parameters.model}","messages":[${parameters._chat_history:-}${parameters.body}${parameters._interactions:-}]${parameters.tool_configs:-}}"#)
            #expect(try await client.call(.get, "/_plugins/_ml/connectors/_search").json["hits"]?["total"]?["value"] == 0)

            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute", #"{"input":"Hello there"}"#)
            let output = try #require(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue, "\(reply.body)")
            #expect(output.last?["dataAsMap"]?["response"] == "Mock reply to: Hello there")
            let call = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.last)
            #expect(call["body"]?.stringValue?.hasPrefix(#"{"model":"gpt-4o","messages":[{"role":"user","content":"Hello there"}]"#) == true)
        }
    }

    @Test func theFlagAndTheReleaseGateBothHalves() async throws {
        let register = try await Self.withVersion(.v3_5_0) { try await $0.call(.post, "/_plugins/_ml/agents/_register", Self.openAIAgent) }
        #expect(register.body == envelope("illegal_argument_exception",
            "Unified agent API is not enabled. To enable, please update the setting plugins.ml_commons.unified_agent_api_enabled", status: 400))
        let execute = try await Self.withVersion(.v3_5_0) { try await $0.call(.post, "/_plugins/_ml/agents/any/_execute", #"{"input":"hi"}"#) }
        #expect(execute.body == envelope("illegal_argument_exception",
            "Standardized input cannot be used if unified agent API is not enabled. The agent must be created using unified agent API. To enable, please update the setting plugins.ml_commons.unified_agent_api_enabled", status: 400))
        // 3.4 knows no `model` block: the agent has no model at all.
        let old = try await Self.withVersion(.v3_4_0) { try await $0.call(.post, "/_plugins/_ml/agents/_register", Self.openAIAgent) }
        #expect(old.body == envelope("illegal_argument_exception", "We need model information for the conversational agent type", status: 400))
        // 3.9 turns the flag on by default.
        let latest = try await Self.withVersion(.v3_9_0) { try await $0.call(.post, "/_plugins/_ml/agents/_register", Self.openAIAgent) }
        #expect(latest.status == 200)
    }

    /// 3.5 maps content blocks and messages for V1 agents too, a `question` parameter replacing the input; 3.6 takes
    /// text only. The input is checked as `AgentInputProcessor` checks it.
    @Test func v1AgentsTakeBlocksIn35Only() async throws {
        let blocks = #"{"input":[{"type":"text","text":"Describe it"},{"type":"image","source":{"type":"base64","format":"png","data":"iVBO/w=="}}]}"#
        try await Self.withVersion(.v3_5_0) { client in
            try await client.call(.put, "/_cluster/settings", Self.enable)
            let agentID = try await client.id(.post, "/_plugins/_ml/agents/_register", Self.openAIAgent, field: "agent_id")
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute", blocks)
            #expect(reply.status == 200, "\(reply.body)")
            let body = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.last?["body"]?.stringValue)
            #expect(body.contains(#"{"role":"user","content":[{"type":"text","text":"Describe it"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBO\/w=="}}]}"#))
            let memory = try #require(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first?["result"]?.stringValue)
            let stored = try await client.call(.get, "/_plugins/_ml/memory/\(memory)/messages").json["messages"]?.arrayValue
            #expect(stored?.first?["input"] == "Describe it\n")

            let replaced = try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute", #"{"input":"ignored","parameters":{"question":"asked"}}"#)
            #expect(replaced.body.contains("Mock reply to: asked"))
            let blank = try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute", #"{"input":"  "}"#)
            #expect(blank.body == #"{"status":400,"error":{"type":"IllegalArgumentException","reason":"Invalid Request","details":"Text input cannot be null or empty"}}"#)
        }
        try await Self.withVersion(.v3_6_0) { client in
            try await client.call(.put, "/_cluster/settings", Self.enable)
            let agentID = try await client.id(.post, "/_plugins/_ml/agents/_register", Self.openAIAgent, field: "agent_id")
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute", blocks)
            #expect(try reply.json["error"]?["details"]?.stringValue?.hasPrefix("V1 agents with unified agent interface only support TEXT input type. Found input type: CONTENT_BLOCKS.") == true)
        }
    }

    @Test func modelBlockValidation() async throws {
        try await Self.withVersion(.v3_5_0) { client in
            try await client.call(.put, "/_cluster/settings", Self.enable)
            func reason(_ model: String) async throws -> String? {
                try await client.call(.post, "/_plugins/_ml/agents/_register", #"{"name":"a","type":"conversational","model":\#(model)}"#)
                    .json["error"]?["reason"]?.stringValue
            }
            #expect(try await reason(#"{"model_provider":"openai/v1/chat/completions"}"#) == "model_id must be provided")
            #expect(try await reason(#"{"model_id":"m"}"#) == "model_provider must be provided")
            #expect(try await reason(#"{"model_id":" ","model_provider":"openai/v1/chat/completions"}"#) == "model_id cannot be null or empty")
            #expect(try await reason(#"{"model_id":"m","model_provider":"acme/v1"}"#)
                == "Unknown model provider type. Supported types: bedrock/converse, gemini/v1beta/generatecontent, openai/v1/chat/completions")
            #expect(try await reason(#"{"model_id":"m","model_provider":"bedrock/converse"}"#) == "Missing credential")
            #expect(try await reason(#"{"model_id":"m","model_provider":"openai/v1/chat/completions","model_parameters":{"top_p":"high"}}"#)
                == "top_p must be a valid number, got: high")
        }
    }

    /// 3.7 added token limits and sampling fields to the auto-created connectors' bodies.
    @Test func bedrockConnectorByRelease() async throws {
        let agent = #"{"name":"b","type":"conversational","model":{"model_id":"anthropic.claude-3-haiku","model_provider":"Bedrock/Converse","credential":{"access_key":"AKIDEXAMPLE","secret_key":"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}},"memory":{"type":"conversation_index"}}"#
        func connector(_ version: OpenSearchVersion) async throws -> JSONValue? {
            try await Self.withVersion(version) { client in
                try await client.call(.put, "/_cluster/settings", Self.enable)
                let agentID = try await client.id(.post, "/_plugins/_ml/agents/_register", agent, field: "agent_id")
                let stored = try await client.call(.get, "/_plugins/_ml/agents/\(agentID)").json
                #expect(stored["parameters"]?["_llm_interface"] == "bedrock/converse/claude")
                let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute", #"{"input":"Hi"}"#)
                #expect(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.last?["dataAsMap"]?["response"] == "Mock reply to: Hi", "\(reply.body)")
                let model = try #require(stored["llm"]?["model_id"]?.stringValue)
                return try await client.call(.get, "/_plugins/_ml/models/\(model)").json["connector"]
            }
        }
        let early = try await connector(.v3_6_0)
        #expect(early?["protocol"] == "aws_sigv4")
        #expect(early?["parameters"] == ["region": "us-east-1", "service_name": "bedrock", "model": "anthropic.claude-3-haiku"])
        #expect(early?["actions"]?.arrayValue?.first?["request_body"]?.stringValue?.hasSuffix("${parameters.tool_configs:-} }") == true)
        let late = try await connector(.v3_7_0)
        #expect(late?["parameters"]?["temperature_field"] == #", "temperature": 1.0"#)
        #expect(late?["actions"]?.arrayValue?.first?["request_body"]?.stringValue?.contains(#""inferenceConfig": {"maxTokens": ${parameters.max_tokens:-4096}"#) == true)
    }
}

/// Gemini function calling (3.5+) on a unified agent, answered by the mock at Google's host.
@Suite("Gemini agents")
struct GeminiAgentTests {
    static let agent = #"""
        {"name":"g","type":"conversational","model":{"model_id":"gemini-2.0-flash","model_provider":"gemini/v1beta/generatecontent",
         "credential":{"gemini_api_key":"AIza-test"}},"tools":[{"type":"ListIndexTool","name":"RetrieveIndexMetaTool"}],
         "memory":{"type":"conversation_index"}}
        """#

    @Test func aToolCallRoundTripThroughGemini() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_6_0 }) { client in
            try await client.call(.put, "/_cluster/settings", UnifiedAgentAPITests.enable)
            let script = try String(contentsOf: Fixture.directory.deletingLastPathComponent().appendingPathComponent("mock-llm/chat-agent.json"), encoding: .utf8)
            try await client.call(.put, "/__emulator/mock-llm/script", script)
            let agentID = try await client.id(.post, "/_plugins/_ml/agents/_register", Self.agent, field: "agent_id")
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute",
                #"{"input":"How many indices are in my cluster?","parameters":{"include_token_usage":"true"}}"#)
            let output = try #require(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue, "\(reply.body)")
            let answer = try #require(output.first { $0["name"] == "response" }?["dataAsMap"]?["response"]?.stringValue, "\(reply.body)")
            #expect(answer.hasPrefix("There are ") && answer.hasSuffix(" indices in your cluster."))
            #expect(output.last?["dataAsMap"]?["per_model_usage"]?.arrayValue?.first?["call_count"] == 2)

            let calls = try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue ?? []
            #expect(calls.count == 2)
            // The path's colon travels percent-encoded, as for Bedrock model ids.
            #expect(calls.first?["url"] == "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash%3AgenerateContent")
            let second = try #require(calls.last?["body"]?.stringValue)
            // The model's call replayed, then the tool's answer under the function's name.
            #expect(second.contains(#"{"parts":[{"functionCall":{"name":"RetrieveIndexMetaTool","args":{}}}],"role":"model"}"#), "\(second)")
            #expect(second.contains(#"{"role":"user","parts":[{"functionResponse":{"name":"RetrieveIndexMetaTool","response":{"text":"row,health"#))
            #expect(second.contains(#""functionDeclarations""#) && !second.contains("additionalProperties"))
        }
    }

    @Test func theInterfaceIsUnknownBefore35() async throws {
        let body = #"{"name":"a","type":"flow","parameters":{"_llm_interface":"gemini/v1beta/generatecontent"}}"#
        let old = try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_4_0 }) { client in
            try await client.call(.post, "/_plugins/_ml/agents/_register", body)
        }
        #expect(old.body == envelope("illegal_argument_exception", "Invalid _llm_interface: gemini/v1beta/generatecontent", status: 400))
        let new = try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_5_0 }) { client in
            try await client.call(.post, "/_plugins/_ml/agents/_register", body)
        }
        #expect(new.status == 200)
    }
}

/// `conversational_v2` agents (3.6+): registered with agentic memory, refused on the stream endpoint.
@Suite("Conversational V2 agents")
struct ConversationalV2Tests {
    static func agent(memory: String) -> String {
        #"{"name":"v2","type":"conversational_v2","model":{"model_id":"gpt-4o","model_provider":"openai/v1/chat/completions","credential":{"openai_api_key":"k"}}\#(memory)}"#
    }

    @Test func registrationNeedsAgenticMemoryAndTheStreamRefusesIt() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_6_0 }) { client in
            try await client.call(.put, "/_cluster/settings", UnifiedAgentAPITests.enable)
            try await PredictStreamTests.enableStreaming(client)
            let noMemory = try await client.call(.post, "/_plugins/_ml/agents/_register", Self.agent(memory: ""))
            #expect(try noMemory.json["error"]?["reason"] == "V2 agents (CONVERSATIONAL_V2) require memory configuration. Please configure 'memory' with type 'agentic_memory' or 'remote_agentic_memory'.")
            let index = try await client.call(.post, "/_plugins/_ml/agents/_register", Self.agent(memory: #","memory":{"type":"conversation_index"}"#))
            #expect(try index.json["error"]?["reason"] == "V2 agents (CONVERSATIONAL_V2) are not compatible with conversation_index memory. Found memory type: conversation_index. Please use 'agentic_memory' or 'remote_agentic_memory' instead.")
            let id = try await client.id(.post, "/_plugins/_ml/agents/_register", Self.agent(memory: #","memory":{"type":"agentic_memory"}"#), field: "agent_id")
            let stream = try await client.call(.post, "/_plugins/_ml/agents/\(id)/_execute/stream", #"{"parameters":{"question":"hi"}}"#)
            #expect(stream.body == envelope("illegal_argument_exception",
                "V2 agents (CONVERSATIONAL_V2) do not support streaming. Please use the non-streaming execute endpoint: POST /_plugins/_ml/agents/\(id)/_execute", status: 400))
        }
        let old = try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_5_0 }) { client in
            try await client.call(.post, "/_plugins/_ml/agents/_register", #"{"name":"v2","type":"conversational_v2"}"#)
        }
        #expect(try old.json["error"]?["reason"] == "Invalid Agent Type")
    }
}

/// 3.6 runs unified agents on structured messages: the answer has no `parent_interaction_id` and no traces are kept.
@Suite("Unified agents by release")
struct UnifiedAgentStructuredMessagesTests {
    static func run(_ version: OpenSearchVersion) async throws -> (names: [String?], traces: Int) {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = version }) { client in
            try await client.call(.put, "/_cluster/settings", UnifiedAgentAPITests.enable)
            let agentID = try await client.id(.post, "/_plugins/_ml/agents/_register", UnifiedAgentAPITests.openAIAgent, field: "agent_id")
            let output = try #require(try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute", #"{"input":"Hello"}"#)
                .json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue)
            let memory = try #require(output.first?["result"]?.stringValue)
            let messages = try await client.call(.get, "/_plugins/_ml/memory/\(memory)/messages").json["messages"]?.arrayValue ?? []
            let message = try #require(messages.first?["message_id"]?.stringValue)
            #expect(messages.first?["response"] == "Mock reply to: Hello")
            let traces = try await client.call(.get, "/_plugins/_ml/memory/message/\(message)/traces").json["traces"]?.arrayValue ?? []
            return (output.map { $0["name"]?.stringValue }, traces.count)
        }
    }

    @Test func theAnswerLosesItsParentInteractionIn36() async throws {
        let before = try await Self.run(.v3_5_0)
        #expect(before.names == ["memory_id", "parent_interaction_id", "response"])
        #expect(before.traces > 0)
        let after = try await Self.run(.v3_6_0)
        #expect(after.names == ["memory_id", "response"])
        #expect(after.traces == 0)
    }
}
