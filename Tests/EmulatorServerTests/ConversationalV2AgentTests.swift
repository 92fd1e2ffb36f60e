import EmulatorServer
import MLCommonsCore
import Testing

/// `conversational_v2` agents (3.6+): unified input in, the conversation kept as structured messages in agentic
/// memory, `AgentV2Output` out.
@Suite("Conversational V2 agent runs")
struct ConversationalV2AgentTests {
    static let settings =
        #"{"persistent":{"plugins.ml_commons.unified_agent_api_enabled":true,"plugins.ml_commons.agentic_memory_enabled":true}}"#
    static let listIndexScript = #"""
        {"rules":[
          {"match":{"tools_offered":["ListIndexTool"],"tool_result_present":false},"reply":{"tool_call":{"name":"ListIndexTool","arguments":{}}}},
          {"match":{"tool_result_present":true},"reply":{"text":"There are {{tool_result_row_count}} indices."}}]}
        """#

    /// A container and an OpenAI V2 agent with ListIndexTool in it; the agent's id.
    static func registerAgent(_ client: EmulatorClient) async throws -> String {
        try await client.call(.put, "/_cluster/settings", settings)
        let container = try await client.id(.post, "/_plugins/_ml/memory_containers/_create", #"{"name":"chat"}"#, field: "memory_container_id")
        return try await client.id(.post, "/_plugins/_ml/agents/_register", #"""
            {"name":"V2","type":"conversational_v2","model":{"model_id":"gpt-4o","model_provider":"openai/v1/chat/completions",
             "credential":{"openai_api_key":"sk-test"}},"memory":{"type":"agentic_memory","memory_container_id":"\#(container)"},
             "tools":[{"type":"ListIndexTool"}]}
            """#, field: "agent_id")
    }

    static func outboundBodies(_ client: EmulatorClient) async throws -> [String] {
        try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.compactMap { $0["body"]?.stringValue } ?? []
    }

    @Test func aToolRoundAndASecondTurnOnTheSameSession() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_8_0 }) { client in
            let agentID = try await Self.registerAgent(client)
            try await client.call(.put, "/__emulator/mock-llm/script", Self.listIndexScript)
            let first = try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute", #"{"input":"How many indices?"}"#)
            let memoryID = try #require(try first.json["memory_id"]?.stringValue, "\(first.body)")
            #expect(first.body == #"{"stop_reason":"end_turn","message":{"content":[{"text":"There are 7 indices."}],"role":"assistant"},"memory_id":"\#(memoryID)","metrics":{"total_usage":{"inputTokens":36,"outputTokens":6,"totalTokens":42}}}"#)

            let bodies = try await Self.outboundBodies(client)
            #expect(bodies.count == 2)
            #expect(bodies.first?.hasPrefix(#"{"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"text","text":"How many indices?"}]}], "tools": [{"type": "function", "function": { "name": "ListIndexTool""#) == true)
            let second = try #require(bodies.last)
            #expect(second.contains(#"{"role":"assistant","content":[],"tool_calls":[{"id":"call_mock_"#))
            #expect(second.contains(#"],"tool_call_id":"call_mock_"#))
            #expect(second.hasSuffix(#""parallel_tool_calls": false,"max_completion_tokens":4096,"temperature":1.0}"#))

            // The next turn replays the session: question, tool call, tool result, answer, then the new question.
            try await client.call(.delete, "/__emulator/outbound")
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"reply":{"text":"Still {{tool_result_row_count}}."}}}"#)
            let next = try await client.call(
                .post, "/_plugins/_ml/agents/\(agentID)/_execute",
                #"{"input":[{"role":"user","content":[{"type":"text","text":"And now?"}]}],"parameters":{"memory_id":"\#(memoryID)"}}"#)
            #expect(try next.json["memory_id"]?.stringValue == memoryID)
            let replay = try #require(try await Self.outboundBodies(client).first)
            #expect(replay.contains(#"{"role":"assistant","content":[{"type":"text","text":"There are 7 indices."}]},{"role":"user","content":[{"type":"text","text":"And now?"}]}]"#))

            // Six structured messages, numbered in order, 3.8's documents carrying the session at the top.
            let working = try await client.call(.post, "/.plugins-ml-am-default-memory-working/_search", #"{"size":20,"sort":[{"message_id":"asc"}]}"#).json
            let sources = working["hits"]?["hits"]?.arrayValue?.compactMap { $0["_source"] } ?? []
            #expect(sources.compactMap { $0["structured_data_blob"]?["message"]?["role"]?.stringValue }
                == ["user", "assistant", "tool", "assistant", "user", "assistant"])
            #expect(sources.compactMap { $0["message_id"]?.numberValue?.intValue } == [0, 1, 2, 3, 4, 5])
            #expect(sources.first?.objectValue?.keys == [
                "payload_type", "created_time", "metadata", "structured_data_blob", "last_updated_time", "infer", "namespace_size",
                "namespace", "session_id", "message_id", "memory_container_id",
            ])
            #expect(sources.first?["structured_data_blob"] == ["message": ["role": "user", "content": [["text": "How many indices?", "type": "TEXT"]]]])
        }
    }

    static func registerAgent(_ client: EmulatorClient, model: String) async throws -> String {
        try await client.call(.put, "/_cluster/settings", settings)
        let container = try await client.id(.post, "/_plugins/_ml/memory_containers/_create", #"{"name":"chat"}"#, field: "memory_container_id")
        return try await client.id(.post, "/_plugins/_ml/agents/_register", #"""
            {"name":"V2","type":"conversational_v2","model":\#(model),
             "memory":{"type":"agentic_memory","memory_container_id":"\#(container)"},"tools":[{"type":"ListIndexTool"}]}
            """#, field: "agent_id")
    }

    /// At `max_iteration` the answer that still asks for tools ends the run, and memory keeps it twice.
    @Test func bedrockStopsAtMaxIterations() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_8_0 }) { client in
            let agentID = try await Self.registerAgent(client, model: #"""
                {"model_id":"anthropic.claude","model_provider":"bedrock/converse","credential":{"access_key":"a","secret_key":"s"}}
                """#)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"reply":{"tool_call":{"name":"ListIndexTool","arguments":{}}}}}"#)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute",
                #"{"input":"Indices, please","parameters":{"max_iteration":"1","system_prompt":"Be brief."}}"#)
            let memoryID = try #require(try reply.json["memory_id"]?.stringValue, "\(reply.body)")
            #expect(reply.body.hasPrefix(#"{"stop_reason":"max_iterations","message":{"role":"assistant"},"memory_id":"\#(memoryID)","metrics":{"total_usage":{"#))
            let body = try #require(try await Self.outboundBodies(client).first)
            #expect(body.hasPrefix(#"{"system": [{"text": "Be brief."}], "messages": [{"role":"user","content":[{"text":"Indices, please"}]}], "toolConfig": {"tools": [{"toolSpec":{"name":"ListIndexTool""#))
            let working = try await client.call(.post, "/.plugins-ml-am-default-memory-working/_search", #"{"sort":[{"message_id":"asc"}]}"#).json
            let roles = working["hits"]?["hits"]?.arrayValue?.compactMap { $0["_source"]?["metadata"]?["role"]?.stringValue }
            #expect(roles == ["user", "assistant", "assistant"])
        }
    }

    /// Gemini runs fail after their first call, as ml-commons cannot read Gemini's answer back; run asynchronously,
    /// the task says so. An empty `memory_id` starts a new session.
    @Test func geminiRunsFailAndAsyncTasksSaySo() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_8_0 }) { client in
            let agentID = try await Self.registerAgent(client, model: #"""
                {"model_id":"gemini-2.0-flash","model_provider":"gemini/v1beta/generatecontent","credential":{"gemini_api_key":"g"}}
                """#)
            let sync = try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute", #"{"input":"Hi","parameters":{"memory_id":""}}"#)
            #expect(sync.body == #"{"status":500,"error":{"type":"UnsupportedOperationException","reason":"System Error","details":"parseToUnifiedMessage is not yet supported for Gemini model provider"}}"#)
            let sessions = try await client.call(.post, "/.plugins-ml-am-default-memory-sessions/_search", "{}").json
            #expect(sessions["hits"]?["total"]?["value"] == 1)

            let started = try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute?async=true", #"{"input":"Hi"}"#)
            let taskID = try #require(try started.json["task_id"]?.stringValue, "\(started.body)")
            #expect(try started.json["status"] == "RUNNING")
            var task = JSONValue.null
            for _ in 0..<100 {
                task = try await client.call(.get, "/_plugins/_ml/tasks/\(taskID)").json
                if task["state"] == "FAILED" { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(task["state"] == "FAILED")
            #expect(task["response"]?["error_message"] == "parseToUnifiedMessage is not yet supported for Gemini model provider")
        }
    }

    /// Message ids are Java ints: a stored id at the end of their range (any client may write the index) wraps.
    @Test func messageIdsWrapAsJavaIntsDo() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_7_0 }) { client in
            let agentID = try await Self.registerAgent(client)
            let first = try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute", #"{"input":"Hi"}"#)
            let session = try #require(try first.json["memory_id"]?.stringValue)
            try await client.call(.put, "/.plugins-ml-am-default-memory-working/_doc/planted", #"""
                {"message_id":9223372036854775807,"namespace":{"session_id":"\#(session)"},"metadata":{"type":"structured_message"},
                 "structured_data_blob":{"message":{"role":"user","content":[{"type":"TEXT","text":"planted"}]}}}
                """#)
            let next = try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute",
                #"{"input":"Again","parameters":{"memory_id":"\#(session)"}}"#)
            #expect(next.status == 200, "\(next.body)")
            #expect(try await client.call(.get, "/").status == 200)
        }
    }

    /// 3.6 and 3.7 write the document in `toXContent` order, without a top-level session.
    @Test func earlierReleasesWriteTheBuilderOrder() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_7_0 }) { client in
            let agentID = try await Self.registerAgent(client)
            _ = try await client.call(.post, "/_plugins/_ml/agents/\(agentID)/_execute", #"{"input":"Hi"}"#)
            let working = try await client.call(.post, "/.plugins-ml-am-default-memory-working/_search", #"{"sort":[{"message_id":"asc"}]}"#).json
            let first = try #require(working["hits"]?["hits"]?.arrayValue?.first?["_source"]?.objectValue)
            #expect(first.keys == [
                "memory_container_id", "payload_type", "message_id", "structured_data_blob", "namespace", "namespace_size", "infer",
                "metadata", "created_time", "last_updated_time",
            ])
        }
    }

    @Test func inputIsCheckedAsAgentInputReadsIt() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_6_0 }) { client in
            let agentID = try await Self.registerAgent(client)
            let path = "/_plugins/_ml/agents/\(agentID)/_execute"
            let noSource = try await client.call(.post, path, #"{"input":[{"type":"image"}]}"#)
            #expect(noSource.body == envelope("illegal_argument_exception", "Image source cannot be null", status: 400))
            let badType = try await client.call(.post, path, #"{"input":[{"type":"image","source":{"type":"bytes","format":"png","data":"AA=="}}]}"#)
            #expect(badType.body == envelope("illegal_argument_exception", "Invalid source type. Supported types: BYTES, URL", status: 400))
            let mixed = try await client.call(.post, path, #"{"input":[{"type":"text","text":"a"},{"role":"user"}]}"#)
            #expect(mixed.body == envelope("illegal_argument_exception",
                "Mixed array types detected. Expected all items to be ContentBlocks, but item at index 1 is of type Message", status: 400))
            // An empty array fails after the session exists, in the execute API's own envelope.
            let empty = try await client.call(.post, path, #"{"input":[]}"#)
            #expect(empty.body == #"{"status":400,"error":{"type":"IllegalArgumentException","reason":"Invalid Request","details":"Input type not supported. Expected String, List<ContentBlock>, or List<Message>"}}"#)
            // Without `input` the run takes the V1 path, which V2 runners refuse.
            let v1 = try await client.call(.post, path, #"{"parameters":{"question":"hi"}}"#)
            #expect(v1.body == #"{"status":500,"error":{"type":"UnsupportedOperationException","reason":"System Error","details":"V2 agents require executor-provided memory. Use runV2() instead."}}"#)
            // OpenAI takes no documents.
            let document = try await client.call(.post, path, #"{"input":[{"type":"document","source":{"type":"base64","format":"pdf","data":"JVBER"}}]}"#)
            #expect(document.body == #"{"status":400,"error":{"type":"IllegalArgumentException","reason":"Invalid Request","details":"Document content is not supported in OpenAI Chat Completions API. "}}"#)
        }
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_7_0 }) { client in
            try await client.call(.put, "/_cluster/settings", Self.settings)
            let badType = try await client.call(.post, "/_plugins/_ml/agents/any/_execute", #"{"input":[{"type":"video","source":{"type":"file","format":"mp4","data":"x"}}]}"#)
            #expect(badType.body == envelope("illegal_argument_exception", "Invalid source type. Supported types: BASE64, URL", status: 400))
        }
    }
}
