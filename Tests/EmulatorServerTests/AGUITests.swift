import EmulatorServer
import MLCommonsCore
import Testing

/// AG-UI on `_execute/stream` (3.5+): an `ag_ui` agent answering a `RunAgentInput` with AG-UI events.
@Suite("AG-UI by release")
struct AGUITests {
    static let enable = #"{"persistent":{"plugins.ml_commons.stream_enabled":true,"plugins.ml_commons.ag_ui_enabled":true}}"#
    static let frontendScript = #"""
        {"rules":[{"name":"ask-the-frontend","match":{"tools_offered":["change_background"]},
                   "reply":{"tool_call":{"name":"change_background","arguments":{"color":"blue"}}}}]}
        """#

    static func runInput(_ text: String, tools: String = "[]") -> String {
        #"{"threadId":"thread-1","runId":"run-1","state":{},"forwardedProps":{},"context":[],"messages":[{"id":"m1","role":"user","content":"\#(text)"}],"tools":\#(tools)}"#
    }

    /// The docs' chat agent registered as `ag_ui` on the mock's OpenAI model.
    static func agent(_ client: EmulatorClient) async throws -> String {
        try await client.call(.put, "/_cluster/settings", enable)
        let chat = try await AgentScenarioTests.docsAgent(client)
        let stored = try #require(try await client.call(.get, "/_plugins/_ml/agents/\(chat)").json.objectValue)
        var agent = stored
        agent["type"] = "ag_ui"
        for key in ["created_time", "last_updated_time", "is_hidden"] { agent[key] = nil }
        return try await client.id(.post, "/_plugins/_ml/agents/_register", JSONWriter().string(.object(agent)), field: "agent_id")
    }

    @Test(arguments: [OpenSearchVersion.v3_5_0, .v3_8_0])
    func backendToolRun(version: OpenSearchVersion) async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = version }) { client in
            let agent = try await Self.agent(client)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", Self.runInput("How many indices are in my cluster?"))
            #expect(reply.headers[.contentType] == "text/event-stream")
            try GoldenStream.check(reply.body, "agui-backend-tool-\(version.number)")
        }
    }

    @Test(arguments: [OpenSearchVersion.v3_5_0, .v3_8_0])
    func frontendToolEndsTheRun(version: OpenSearchVersion) async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = version }) { client in
            let agent = try await Self.agent(client)
            try await client.call(.put, "/__emulator/mock-llm/script", Self.frontendScript)
            let tools = #"[{"name":"change_background","description":"Sets the background","parameters":{"type":"object","properties":{"color":{"type":"string"}}}}]"#
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", Self.runInput("Make it blue", tools: tools))
            try GoldenStream.check(reply.body, "agui-frontend-tool-\(version.number)")
            // The LLM saw the frontend tool next to the agent's own.
            let call = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.last)
            #expect(call["body"]?.stringValue?.contains(#""name":"change_background""#) == true, "\(call["body"] ?? .null)")
        }
    }

    @Test func flagAndEndpointErrors() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_8_0 }) { client in
            try await PredictStreamTests.enableStreaming(client)
            let chat = try await AgentScenarioTests.docsAgent(client)
            let off = try await client.call(.post, "/_plugins/_ml/agents/\(chat)/_execute/stream", Self.runInput("hi"))
            #expect(off.body == "data: {\"error\": \"The AG-UI agent feature is not enabled. To enable, please update the setting plugins.ml_commons.ag_ui_enabled\"}\n\n")
            let offExecute = try await client.call(.post, "/_plugins/_ml/agents/\(chat)/_execute", Self.runInput("hi"))
            #expect(offExecute.body == envelope("illegal_state_exception",
                "The AG-UI agent feature is not enabled. To enable, please update the setting plugins.ml_commons.ag_ui_enabled", status: 500))
            try await client.call(.put, "/_cluster/settings", Self.enable)
            let onExecute = try await client.call(.post, "/_plugins/_ml/agents/\(chat)/_execute", Self.runInput("hi"))
            #expect(onExecute.body == envelope("illegal_argument_exception",
                "AG-UI agents require streaming execution. Please use the streaming endpoint: POST /_plugins/_ml/agents/\(chat)/_execute/stream", status: 400))
        }
        // 3.4 has no AG-UI: the type is unknown.
        let old = try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_4_0 }) { client in
            try await client.call(.post, "/_plugins/_ml/agents/_register", #"{"name":"a","type":"ag_ui"}"#)
        }
        #expect(old.body == envelope("illegal_argument_exception", "ag_ui is not a valid Agent Type", status: 400))
    }

    static func threadInput(_ thread: String, messages: String) -> String {
        #"{"threadId":"\#(thread)","runId":"run-1","state":{},"forwardedProps":{},"context":[],"messages":\#(messages),"tools":[]}"#
    }

    /// The `data:` events of an AG-UI stream.
    static func events(_ body: String) throws -> [JSONValue] {
        try body.components(separatedBy: "\n\n").filter { $0.hasPrefix("data: ") }.map { try JSONParser.parse(String($0.dropFirst(6))) }
    }

    /// 3.6+: the thread is the memory. Each step is a root interaction of it, the question (with its context prefix
    /// and trailing line feed) and the answer one more; the next run reads them as history; an empty `messages`
    /// loads them back as `MESSAGES_SNAPSHOT`.
    @Test func theThreadIsTheMemory() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_8_0 }) { client in
            let agent = try await Self.agent(client)
            let thread = try await client.id(.post, "/_plugins/_ml/memory", #"{"name":"chat"}"#, field: "memory_id")
            _ = try await client.call(.delete, "/__emulator/outbound")
            let first = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream",
                Self.threadInput(thread, messages: #"[{"id":"m1","role":"user","content":"  How many indices are in my cluster? "}]"#))
            #expect(try Self.events(first.body).last?["type"] == "RUN_FINISHED")
            let llm = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.first?["body"]?.stringValue)
            #expect(llm.contains(#"{"role":"user","content":"Context: []\nQuestion: How many indices are in my cluster?\n"}"#))

            let stored = try #require(try await client.call(.get, "/_plugins/_ml/memory/\(thread)/messages").json["messages"]?.arrayValue)
            #expect(stored.map { $0["origin"]?.stringValue } == ["LLM", "RetrieveIndexMetaTool", nil])
            #expect(stored.allSatisfy { $0["parent_message_id"] == nil && $0["trace_number"] == nil })
            #expect(stored.first?["input"] == "Context: []\nQuestion: How many indices are in my cluster?\n")
            let answer = try #require(stored.last?["response"]?.stringValue)
            #expect(stored.last?["input"] == "Context: []\nQuestion: How many indices are in my cluster?")
            #expect(answer.hasPrefix("There are "))
            #expect(try await client.call(.get, "/_plugins/_ml/memory").json["memories"]?.arrayValue?.count == 1)

            _ = try await client.call(.delete, "/__emulator/outbound")
            _ = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream",
                Self.threadInput(thread, messages: #"[{"id":"m2","role":"user","content":"Thanks"}]"#))
            let second = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.first?["body"]?.stringValue)
            #expect(second.contains(JSONEscaping.escapeJson(answer)))

            let load = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", Self.threadInput(thread, messages: "[]"))
            let events = try Self.events(load.body)
            #expect(events.map { $0["type"] } == ["RUN_STARTED", "MESSAGES_SNAPSHOT", "RUN_FINISHED", "RUN_FINISHED"])
            let snapshot = try #require(events.dropFirst().first?["messages"]?.arrayValue)
            #expect(snapshot.count == 10)
            #expect(snapshot.allSatisfy { $0.objectValue?.keys.map { $0 } == ["role", "id", "content"] })
            #expect(snapshot.last?["role"] == "assistant")
            #expect(snapshot.dropLast().last?["content"] == "Context: []\nQuestion: Thanks")
        }
    }

    /// The converted messages are checked as `AgentInputProcessor` checks them, the failure named as
    /// `processAgentInput` names it.
    @Test func messagesAreChecked() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_8_0 }) { client in
            let agent = try await Self.agent(client)
            func failure(_ messages: String) async throws -> [JSONValue] {
                let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", Self.threadInput("t", messages: messages))
                return try Self.events(reply.body)
            }
            let trailing = try await failure(#"[{"id":"m1","role":"user","content":"hi"},{"id":"m2","role":"assistant","content":"hello"}]"#)
            #expect(trailing.map { $0["type"] } == ["RUN_STARTED", "RUN_ERROR"])
            #expect(trailing.last?["message"] == "Last message must be from role 'user' or 'tool'")
            let toolWithoutCall = try await failure(#"[{"id":"m1","role":"tool","content":"done"}]"#)
            #expect(toolWithoutCall.last?["message"] == "Tool message must have toolCallId")
            let blank = try await failure(#"[{"id":"m1","role":"user","content":"  "}]"#)
            #expect(blank.last?["message"] == "Text content block cannot have null or empty text")
        }
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_6_0 }) { client in
            let agent = try await Self.agent(client)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream",
                Self.threadInput("t", messages: #"[{"id":"m1","role":"assistant","content":"hello"}]"#))
            #expect(reply.body.contains("Failed to process standardized agent input: Last message must be from role 'user' or 'tool'"))
        }
    }

    /// The docs' AG-UI agent, registered with a `model` block (3.6+): the request's messages go to the model as they
    /// are, a frontend tool's call and result included, the context before the latest user text, the thread's history
    /// first; the last question waits in memory for the answer.
    @Test func unifiedAgentsMapTheConversation() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_8_0 }) { client in
            try await client.call(.put, "/_cluster/settings", Self.enable)
            try await client.call(.put, "/_cluster/settings", UnifiedAgentAPITests.enable)
            let agent = try await client.id(.post, "/_plugins/_ml/agents/_register", #"""
                {"name":"AG-UI Agent","type":"AG_UI","model":{"model_id":"gpt-4o","model_provider":"openai/v1/chat/completions",
                 "credential":{"openai_api_key":"k"}},"tools":[{"type":"ListIndexTool"}],"memory":{"type":"conversation_index"}}
                """#, field: "agent_id")
            let thread = try await client.id(.post, "/_plugins/_ml/memory", #"{"name":"chat"}"#, field: "memory_id")
            func run(_ messages: String) async throws -> (events: [JSONValue], body: String) {
                _ = try await client.call(.delete, "/__emulator/outbound")
                let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream",
                    #"{"threadId":"\#(thread)","runId":"r","state":{},"forwardedProps":{},"context":[{"description":"page","value":"home"}],"messages":\#(messages),"tools":[]}"#)
                let body = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.first?["body"]?.stringValue, "\(reply.body)")
                return (try Self.events(reply.body), body)
            }
            let first = try await run(#"""
                [{"id":"m1","role":"user","content":"Make it blue"},
                 {"id":"m2","role":"assistant","toolCalls":[{"id":"c1","type":"function","function":{"name":"change_background","arguments":"{\"color\":\"blue\"}"}}]},
                 {"id":"m3","role":"tool","toolCallId":"c1","content":"done"}]
                """#)
            #expect(first.events.last?["type"] == "RUN_FINISHED")
            #expect(first.body.contains(#""messages":[{"role":"user","content":[{"type":"text","text":"Context:\n- page: home\n\nMake it blue"}]},{"role":"assistant","content":[],"tool_calls":[{"id":"c1","type":"function","function":{"name":"change_background","arguments":"{\"color\":\"blue\"}"}}]},{"role":"tool","content":[{"type":"text","text":"done"}],"tool_call_id":"c1"}]"#))
            let stored = try #require(try await client.call(.get, "/_plugins/_ml/memory/\(thread)/messages").json["messages"]?.arrayValue)
            #expect(stored.count == 1)
            #expect(stored.first?["input"] == "Make it blue")
            #expect(stored.first?["response"]?.stringValue?.hasPrefix("Mock reply to: ") == true)

            let second = try await run(#"[{"id":"m4","role":"user","content":"Thanks"}]"#)
            #expect(second.body.contains(#""messages":[{"role":"user","content":[{"type":"text","text":"Make it blue"}]},{"role":"assistant","content":[{"type":"text","text":"Mock reply to: "#))
            #expect(second.body.contains(#"{"role":"user","content":[{"type":"text","text":"Context:\n- page: home\n\nThanks"}]}]"#))
        }
    }

    /// 3.5 starts a conversation each run and stores the request's earlier turns in it first, so they come back as
    /// history; the question is the text after the last assistant message.
    @Test func release35ReplaysEarlierTurns() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_5_0 }) { client in
            let agent = try await Self.agent(client)
            try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"reply":{"text":"ok"}}}"#)
            _ = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", Self.threadInput("t", messages: #"""
                [{"id":"m1","role":"user","content":"a"},{"id":"m2","role":"assistant","content":"b"},{"id":"m3","role":"user","content":"c"}]
                """#))
            let memory = try #require(try await client.call(.get, "/_plugins/_ml/memory").json["memories"]?.arrayValue?.first?["memory_id"]?.stringValue)
            let stored = try #require(try await client.call(.get, "/_plugins/_ml/memory/\(memory)/messages").json["messages"]?.arrayValue)
            #expect(stored.map { $0["input"] } == ["a", "c\n"])
            #expect(stored.first?["response"] == "b")
            let body = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.last?["body"]?.stringValue)
            #expect(body.contains(#"{"role":"user","content":"a"},{"role":"assistant","content":"b"},{"role":"user","content":"c\n"}]"#))
        }
    }

    /// A thread id naming no memory is refused once memories exist; 3.5 refuses an empty `messages`.
    @Test func unknownThreadsAndEmptyMessages() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_8_0 }) { client in
            let agent = try await Self.agent(client)
            _ = try await client.id(.post, "/_plugins/_ml/memory", #"{"name":"other"}"#, field: "memory_id")
            _ = try await client.id(.post, "/_plugins/_ml/memory/\(try await client.id(.post, "/_plugins/_ml/memory", #"{"name":"x"}"#, field: "memory_id"))/messages", #"{"input":"a","response":"b"}"#, field: "message_id")
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream",
                Self.threadInput("nope", messages: #"[{"id":"m1","role":"user","content":"hi"}]"#))
            let events = try Self.events(reply.body)
            #expect(events.map { $0["type"] } == ["RUN_STARTED", "RUN_ERROR"])
            #expect(events.last?["message"] == "Memory [nope] not found")
        }
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_5_0 }) { client in
            let agent = try await Self.agent(client)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute/stream", Self.threadInput("t", messages: "[]"))
            #expect(reply.body.contains("Input type not supported. Expected String, List<ContentBlock>, or List<Message>"))
        }
    }
}
