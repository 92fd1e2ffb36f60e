import MLCommonsCore
import Testing

@Suite("Agent execution: _execute and _execute/stream")
struct AgentExecuteTests {
    static let openAI = "openai/v1/chat/completions"
    static let bedrock = "bedrock/converse/claude"

    /// A plain conversational agent on the given interface; returns the agent id.
    static func agent(_ client: EmulatorClient, interface: String = openAI) async throws -> String {
        let connectorFixture = interface == openAI ? "create-openai-agent-connector" : "create-bedrock-agent-connector"
        let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.request(connectorFixture), field: "connector_id")
        let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connector), field: "model_id")
        return try await client.id(
            .post, "/_plugins/_ml/agents/_register",
            Fixture.request("register-plain-chat-agent", ["model_id": model, "llm_interface": interface]), field: "agent_id")
    }

    static func ids(_ reply: Reply) throws -> (memory: String, parent: String) {
        let output = try #require(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue)
        return (try #require(output[0]["result"]?.stringValue), try #require(output[1]["result"]?.stringValue))
    }

    static func executeChunk(_ memory: String, _ parent: String, _ content: String, last: Bool = false) -> String {
        #"data: {"inference_results":[{"output":[{"name":"memory_id","result":"\#(memory)"},{"name":"parent_interaction_id","result":"\#(parent)"},{"name":"response","dataAsMap":{"content":"\#(content)","is_last":\#(last)}}]}]}"# + "\n\n"
    }

    @Test(arguments: [openAI, bedrock])
    func answersAndStoresTheConversation(interface: String) async throws {
        try await EmulatorHarness.withServer { client in
            let agent = try await Self.agent(client, interface: interface)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"How many indices?"}}"#)
            let (memory, parent) = try Self.ids(reply)
            #expect(reply.body == #"{"inference_results":[{"output":[{"name":"memory_id","result":"\#(memory)"},{"name":"parent_interaction_id","result":"\#(parent)"},{"name":"response","dataAsMap":{"response":"Mock reply to: How many indices?","additional_info":{}}}]}]}"#)

            // The memory is named after the question; the root interaction holds question and answer.
            #expect(try await client.call(.get, "/_plugins/_ml/memory/\(memory)").json["name"] == "How many indices?")
            let root = try await client.call(.get, "/_plugins/_ml/memory/message/\(parent)").json
            #expect(root["input"] == "How many indices?")
            #expect(root["response"] == "Mock reply to: How many indices?")
            #expect(root["additional_info"] == [:])
            let traces = try await client.call(.get, "/_plugins/_ml/memory/message/\(parent)/traces").json["traces"]?.arrayValue ?? []
            #expect(traces.map { $0["origin"] } == ["LLM"])
            #expect(traces.first?["response"] == "Mock reply to: How many indices?")
            #expect(traces.first?["trace_number"] == 1)
        }
    }

    @Test func secondTurnCarriesTheFirstAsChatHistory() async throws {
        try await EmulatorHarness.withServer { client in
            let agent = try await Self.agent(client)
            let first = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"Hi / é"}}"#)
            let (memory, _) = try Self.ids(first)
            try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"And now?","memory_id":"\#(memory)"}}"#)
            let call = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.last)
            // History messages pass through processTextDoc (no "/" or non-ASCII escapes); the question is escapeJson'd.
            #expect(call["body"] == #"{ "model": "gpt-3.5-turbo", "messages": [{"role":"developer","content":"You are a helpful assistant."},{"role":"user","content":"Hi / é"}, {"role":"assistant","content":"Mock reply to: Hi / é"}, {"role":"user","content":"And now?"}], "tools": [], "parallel_tool_calls": false }"#)
        }
    }

    @Test func maxIterationEndsTheLoopWithItsMessage() async throws {
        try await EmulatorHarness.withServer { client in
            let agent = try await Self.agent(client)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"reply":{"tool_call":{"name":"NoSuchTool","arguments":{"q":1}}}}}"#)
            let model = try await Self.modelID(client, agent)
            try await client.call(.put, "/_plugins/_ml/agents/\(agent)", #"{"llm":{"model_id":"\#(model)","parameters":{"max_iteration":"3","system_prompt":"s","prompt":"${parameters.question}"}}}"#)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"Loop"}}"#)
            let (_, parent) = try Self.ids(reply)
            #expect(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.last?["dataAsMap"]?["response"]
                == "Agent reached maximum iterations (3) without completing the task")
            let traces = try await client.call(.get, "/_plugins/_ml/memory/message/\(parent)/traces").json["traces"]?.arrayValue ?? []
            #expect(traces.map { $0["origin"] } == ["LLM", "NoSuchTool", "LLM", "LLM"])
            #expect(traces[1]["response"] == "Failed to run the tool NoSuchTool which is unsupported.")
            #expect(traces[1]["input"] == #"{"q":1}"#)
            let calls = try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue ?? []
            #expect(calls.count == 2)
        }
    }

    static func modelID(_ client: EmulatorClient, _ agent: String) async throws -> String {
        try #require(try await client.call(.get, "/_plugins/_ml/agents/\(agent)").json["llm"]?["model_id"]?.stringValue)
    }

    @Test func unknownAgentAndDisabledFramework() async throws {
        try await EmulatorHarness.withServer { client in
            #expect(try await client.call(.post, "/_plugins/_ml/agents/nope/_execute", #"{"parameters":{"question":"q"}}"#).body
                == #"{"status":404,"error":{"type":"ResourceNotFoundException","reason":"System Error","details":"Agent index not found"}}"#)
            _ = try await Self.agent(client)
            let unknown = try await client.call(.post, "/_plugins/_ml/agents/nope/_execute", #"{"parameters":{"question":"q"}}"#)
            #expect(unknown.status == 404)
            #expect(unknown.body == #"{"status":404,"error":{"type":"OpenSearchStatusException","reason":"System Error","details":"Failed to find agent with the provided agent id: nope"}}"#)
            try await client.call(.put, "/_cluster/settings", Fixture.request("enable-streaming"))
            #expect(try await client.call(.post, "/_plugins/_ml/agents/nope/_execute/stream", #"{"parameters":{"question":"q"}}"#).body
                == envelope("status_exception", "Failed to find agent with the provided agent id: nope", status: 404))
            try await client.call(.put, "/_cluster/settings", #"{"transient":{"plugins.ml_commons.agent_framework_enabled":false}}"#)
            #expect(try await client.call(.post, "/_plugins/_ml/agents/nope/_execute", #"{"parameters":{"question":"q"}}"#).body
                == envelope(
                    "illegal_state_exception",
                    "Agent Framework is currently disabled. To enable it, update the setting \"plugins.ml_commons.agent_framework_enabled\" to true.",
                    status: 500))
        }
    }

    @Test(arguments: [openAI, bedrock])
    func streamedAnswerCarriesIdsOnEveryChunkAndIsNotStored(interface: String) async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/_cluster/settings", Fixture.request("enable-streaming"))
            let agent = try await Self.agent(client, interface: interface)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", #"{"parameters":{"question":"Stream it"}}"#)
            #expect(reply.headers[.contentType] == "text/event-stream")
            let memories = try await client.call(.get, "/_plugins/_ml/memory").json["memories"]?.arrayValue ?? []
            let memory = try #require(memories.first?["memory_id"]?.stringValue)
            let messages = try await client.call(.get, "/_plugins/_ml/memory/\(memory)/messages").json["messages"]?.arrayValue ?? []
            let parent = try #require(messages.first?["message_id"]?.stringValue)
            #expect(reply.body == ["Mock", " reply", " to:", " Stream", " it"].map { Self.executeChunk(memory, parent, $0) }.joined()
                + Self.executeChunk(memory, parent, "", last: true))
            // The streamed answer is not written back to the root interaction (ml-commons 3.3).
            #expect(messages.first?["response"] == nil)
        }
    }

    @Test func streamingOffIsThe500() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.post, "/_plugins/_ml/agents/x/_execute/stream", #"{"parameters":{"question":"q"}}"#)
            #expect(reply.status == 500)
            #expect(reply.body.contains(#""type":"illegal_state_exception","reason":"Streaming is currently disabled."#))
        }
    }

    @Test func asyncExecutionCompletesItsTask() async throws {
        try await EmulatorHarness.withServer { client in
            let agent = try await Self.agent(client)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute?async=true", #"{"parameters":{"question":"Later"}}"#)
            let task = try #require(try reply.json["task_id"]?.stringValue)
            #expect(try reply.json["status"] == "RUNNING")
            var state: JSONValue? = nil
            for _ in 0..<100 {
                state = try await client.call(.get, "/_plugins/_ml/tasks/\(task)").json["state"]
                if state == "COMPLETED" { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(state == "COMPLETED")
            let response = try await client.call(.get, "/_plugins/_ml/tasks/\(task)").json["response"]
            #expect(response?["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.last?["dataAsMap"]?["response"] == "Mock reply to: Later")
        }
    }

    /// A reset stops an async run still waiting on its LLM, so the run cannot write its task back into the
    /// wiped store when the answer arrives.
    @Test func resetStopsAnAsyncRunBeforeItWritesItsTask() async throws {
        try await EmulatorHarness.withServer { client in
            let agent = try await Self.agent(client)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"reply":{"text":"late"},"pacing":{"time_to_first_token_ms":800}}}"#)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute?async=true", #"{"parameters":{"question":"Later"}}"#)
            let task = try #require(try reply.json["task_id"]?.stringValue)
            try await client.call(.post, "/__emulator/reset")
            try await Task.sleep(for: .milliseconds(1200))
            #expect(try await client.call(.get, "/_plugins/_ml/tasks/\(task)").status == 404)
        }
    }
}
