import MLCommonsCore
import Testing

/// The documentation's agent scenario (execute-stream-agent.md) and the tool paths around it.
@Suite("Agents with tools on real indices")
struct AgentScenarioTests {
    static let question = #"{"parameters":{"question":"How many indices are in my cluster?"}}"#

    /// The docs' "Chat Agent with RAG" on an OpenAI or Bedrock model, with the mock playing the docs' LLM.
    static func docsAgent(_ client: EmulatorClient, connector: String = "create-openai-agent-connector") async throws -> String {
        let script = try String(contentsOf: Fixture.directory.deletingLastPathComponent().appendingPathComponent("mock-llm/chat-agent.json"), encoding: .utf8)
        #expect(try await client.call(.put, "/__emulator/mock-llm/script", script).status == 200)
        let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.request(connector), field: "connector_id")
        let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
        var agent = Fixture.request("register-chat-agent", ["model_id": model])
        if connector.contains("bedrock") { agent = agent.replacingAll("openai/v1/chat/completions", with: "bedrock/converse/claude") }
        return try await client.id(.post, "/_plugins/_ml/agents/_register", agent, field: "agent_id")
    }

    /// The `content` of each execute-stream chunk, checking the ids on every one.
    static func contents(_ body: String, memory: String, parent: String) throws -> [String] {
        try body.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { event in
            #expect(event.hasPrefix("data: "))
            let output = try #require(try JSONParser.parse(String(event.dropFirst(6)))["inference_results"]?.arrayValue?.first?["output"]?.arrayValue)
            #expect(output.count == 3)
            #expect(output[0] == ["name": "memory_id", "result": .string(memory)])
            #expect(output[1] == ["name": "parent_interaction_id", "result": .string(parent)])
            return try #require(output[2]["dataAsMap"]?["content"]?.stringValue)
        }
    }

    @Test func docsScenarioStreamsTheDocumentedSequence() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/_cluster/settings", Fixture.request("enable-streaming"))
            let agent = try await Self.docsAgent(client)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", Self.question)
            #expect(reply.status == 200)

            let memories = try await client.call(.get, "/_plugins/_ml/memory").json["memories"]?.arrayValue ?? []
            let memory = try #require(memories.first?["memory_id"]?.stringValue)
            let root = try #require(try await client.call(.get, "/_plugins/_ml/memory/\(memory)/messages").json["messages"]?.arrayValue?.first)
            let parent = try #require(root["message_id"]?.stringValue)
            let contents = try Self.contents(reply.body, memory: memory, parent: parent)

            let callID = try #require(contents.first.flatMap { try? JSONParser.parse($0) }?.arrayValue?.first?["id"]?.stringValue)
            #expect(callID.hasPrefix("call_"))
            let traces = try await client.call(.get, "/_plugins/_ml/memory/message/\(parent)/traces").json["traces"]?.arrayValue ?? []
            let csv = try #require(traces.last?["response"]?.stringValue)
            let rows = csv.split(separator: "\n").count - 1
            #expect(contents == [
                #"[{"index":0.0,"id":"\#(callID)","type":"function","function":{"name":"RetrieveIndexMetaTool","arguments":""}}]"#,
                #"[{"index":0.0,"function":{"arguments":"{}"}}]"#,
                #"{"choices":[{"message":{"tool_calls":[{"type":"function","function":{"name":"RetrieveIndexMetaTool","arguments":"{}"},"id":"\#(callID)"}]},"finish_reason":"tool_calls"}]}"#,
                "",
                csv,
                "There", " are", " \(rows)", " indices", " in", " your", " cluster.",
                "",
            ])
            #expect(reply.body.hasSuffix(#""dataAsMap":{"content":"","is_last":true}}]}]}"# + "\n\n"))
            // The CSV is the cluster's own: header, then one row per index in Java HashMap order.
            #expect(csv.hasPrefix("row,health,status,index,uuid,pri(number of primary shards),rep(number of replica shards),docs.count(number of available documents),docs.deleted(number of deleted documents),store.size(store size of primary and replica shards),pri.store.size(store size of primary shards)\n1,green,open,.plugins-ml-model-group,"))
            #expect(csv.contains(",open,.plugins-ml-connector,"))
            // Streaming stores the LLM and tool traces but not the final answer (§1.9).
            #expect(traces.map { $0["origin"] } == ["LLM", "RetrieveIndexMetaTool"])
            #expect(traces.first?["response"]?.stringValue?.contains(#""finish_reason":"tool_calls""#) == true)
            #expect(root["response"] == nil)
        }
    }

    @Test(arguments: ["create-openai-agent-connector", "create-bedrock-agent-connector"])
    func docsScenarioAnswersAndStoresEveryStep(connector: String) async throws {
        try await EmulatorHarness.withServer { client in
            let agent = try await Self.docsAgent(client, connector: connector)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", Self.question)
            let (memory, parent) = try AgentExecuteTests.ids(reply)
            let answer = try #require(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.last?["dataAsMap"]?["response"]?.stringValue)
            let traces = try await client.call(.get, "/_plugins/_ml/memory/message/\(parent)/traces").json["traces"]?.arrayValue ?? []
            #expect(traces.map { $0["origin"] } == ["LLM", "RetrieveIndexMetaTool", "LLM"])
            #expect(traces.map { $0["trace_number"] } == [1, 2, 3])
            #expect(traces[1]["input"] == "{}")
            let rows = (traces[1]["response"]?.stringValue ?? "").split(separator: "\n").count - 1
            #expect(answer == "There are \(rows) indices in your cluster.")
            #expect(traces[2]["response"]?.stringValue == answer)
            let root = try await client.call(.get, "/_plugins/_ml/memory/message/\(parent)").json
            #expect(root["response"]?.stringValue == answer)
            #expect(root["memory_id"]?.stringValue == memory)
        }
    }

    @Test func aFailingToolIsReportedToTheLLM() async throws {
        try await EmulatorHarness.withServer { client in
            let agent = try await AgentExecuteTests.agent(client)
            let model = try await AgentExecuteTests.modelID(client, agent)
            try await client.call(.put, "/_plugins/_ml/agents/\(agent)", #"{"tools":[{"type":"SearchIndexTool"}],"llm":{"model_id":"\#(model)","parameters":{"max_iteration":"3","system_prompt":"s","prompt":"${parameters.question}"}}}"#)
            try await client.call(.put, "/__emulator/mock-llm/script", #"""
                {"rules":[{"match":{"tool_result_present":false},"reply":{"tool_call":{"name":"SearchIndexTool","arguments":{"input":"{\"index\":\"missing\",\"query\":{\"query\":{\"match_all\":{}}}}"}}}},
                          {"match":{"tool_result_present":true},"reply":{"text":"Sorry: {{tool_result}}"}}]}
                """#)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"Search"}}"#)
            let (_, parent) = try AgentExecuteTests.ids(reply)
            let traces = try await client.call(.get, "/_plugins/_ml/memory/message/\(parent)/traces").json["traces"]?.arrayValue ?? []
            let toolOutput = try #require(traces[1]["response"]?.stringValue)
            #expect(toolOutput.hasPrefix("Failed to run the tool SearchIndexTool with the error message "))
            let call = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.last)
            #expect(call["body"]?.stringValue?.contains(#""content":"Tool SearchIndexTool failed: "#) == true)
        }
    }

    @Test func flowAgentRunsMLModelTool() async throws {
        try await EmulatorHarness.withServer { client in
            let model = try await PredictAPITests.openAIModel(client)
            let agent = try await client.id(.post, "/_plugins/_ml/agents/_register", #"""
                {"name":"flow","type":"flow","tools":[{"type":"MLModelTool","name":"Chat","parameters":{"model_id":"\#(model)",
                 "messages":"[{\"role\":\"user\",\"content\":\"${parameters.question}\"}]","response_filter":"$.choices[0].message.content"}}]}
                """#, field: "agent_id")
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"Hi flow"}}"#)
            #expect(reply.status == 200, "\(reply.body)")
            #expect(reply.body.contains("Mock reply to: Hi flow"), "\(reply.body)")
        }
    }
}
