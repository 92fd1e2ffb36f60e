import Foundation
import MLCommonsCore
import Testing

/// `plan_execute_and_reflect` agents over the mock LLM: the planner's prompts, the executor agent running each
/// step with its tools, the reflect loop, memory, and the output and task shapes of 3.3.
@Suite("Plan-execute-reflect agents")
struct PlanExecuteReflectAgentTests {
    /// The documentation's OpenAI connector for this agent.
    static let connector = #"{"name":"openai","version":1,"protocol":"http","parameters":{"model":"gpt-4o"},"credential":{"openAI_key":"k"},"actions":[{"action_type":"predict","method":"POST","url":"https://api.openai.com/v1/chat/completions","headers":{"Authorization":"Bearer ${credential.openAI_key}"},"request_body":"{ \"model\": \"${parameters.model}\", \"messages\": [{\"role\":\"developer\",\"content\":\"${parameters.system_prompt}\"},${parameters._chat_history:-}{\"role\":\"user\",\"content\":\"${parameters.prompt}\"}${parameters._interactions:-}]${parameters.tool_configs:-} }"}]}"#

    /// The executor's answers: each step's tool, then the step's result; the planner gets the mock's built-in plans.
    static let script = #"""
        {"rules":[
          {"match":{"last_user_message":"^List the indices","tool_result_present":false},
           "reply":{"tool_call":{"name":"ListIndexTool","arguments":{"indices":[]}}}},
          {"match":{"last_user_message":"^List the indices","tool_result_present":true},
           "reply":{"text":"The indices include test-index."}},
          {"match":{"last_user_message":"^Show the mapping","tool_result_present":false},
           "reply":{"tool_call":{"name":"IndexMappingTool","arguments":{"index":["test-index"]}}}},
          {"match":{"last_user_message":"^Show the mapping","tool_result_present":true},
           "reply":{"text":"test-index has one keyword field: a."}}]}
        """#

    static func agent(_ client: EmulatorClient, parameters: String = "") async throws -> String {
        let model = try await client.id(.post, "/_plugins/_ml/models/_register",
            #"{"name":"gpt","function_name":"remote","connector":\#(connector)}"#, field: "model_id")
        return try await client.id(.post, "/_plugins/_ml/agents/_register", #"""
            {"name":"per","type":"plan_execute_and_reflect","llm":{"model_id":"\#(model)","parameters":{"prompt":"${parameters.question}"}},
            "memory":{"type":"conversation_index"},"parameters":{"_llm_interface":"openai/v1/chat/completions"\#(parameters)},
            "tools":[{"type":"ListIndexTool"},{"type":"IndexMappingTool"}]}
            """#, field: "agent_id")
    }

    static func prepare(_ client: EmulatorClient) async throws {
        _ = try await client.call(.put, "/test-index", #"{"mappings":{"properties":{"a":{"type":"keyword"}}}}"#)
        #expect(try await client.call(.put, "/__emulator/mock-llm/script", script).status == 200)
    }

    static let question = "List the indices, then show the mapping of test-index."
    static let report = "Step 1: List the indices\nResult: The indices include test-index.\n\nStep 2: Show the mapping of test-index.\nResult: test-index has one keyword field: a."

    /// A two-step question: plan, first step, reflect, second step, reflect, result; the first planner request is
    /// ml-commons' prompts byte for byte; each step is a trace of the planner's root and a turn of the executor's memory.
    @Test func answersATwoStepQuestion() async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.prepare(client)
            let agent = try await Self.agent(client)
            _ = try await client.call(.delete, "/__emulator/outbound")
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"\#(Self.question)"}}"#)
            #expect(reply.status == 200)
            let output = try #require(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue)
            #expect(output.compactMap { $0["name"]?.stringValue }
                == ["memory_id", "parent_interaction_id", "executor_agent_memory_id", "executor_agent_parent_interaction_id", "response"])
            #expect(output.last == ["name": "response", "dataAsMap": ["response": .string(Self.report)]])
            let ids = output.map { $0["result"]?.stringValue ?? "" }

            // Planner, executor (tool, answer), planner, executor (tool, answer), planner.
            let calls = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue)
            #expect(calls.count == 7)
            let expected = try String(contentsOf: Self.fixture("first-planner-request.json"), encoding: .utf8)
            #expect(calls.first?["body"]?.stringValue == expected.trimmingCharacters(in: .newlines))
            let reflect = try #require(calls.dropFirst(3).first?["body"]?.stringValue)
            #expect(reflect.contains(JSONEscaping.escapeJson(
                "Original plan:\n[List the indices, Show the mapping of test-index.] \n\nYou have currently executed the following steps from the original plan: \n[\nStep 1: List the indices\n, \nStep 1 Result: The indices include test-index.\n] \n\n")))
            let executorRequest = try #require(calls.dropFirst().first?["body"]?.stringValue)
            #expect(executorRequest.contains(#""content":"You are a precise and reliable executor agent"#))
            #expect(executorRequest.contains(#"{"role":"user","content":"List the indices"}"#))

            let root = try await client.call(.get, "/_plugins/_ml/memory/message/\(ids[1])").json
            #expect(root["input"]?.stringValue == Self.question)
            #expect(root["response"]?.stringValue == Self.report)
            let traces = try #require(try await client.call(.get, "/_plugins/_ml/memory/message/\(ids[1])/traces").json["traces"]?.arrayValue)
            #expect(traces.map { $0["origin"] } == ["PlanExecuteReflect Agent", "PlanExecuteReflect Agent"])
            #expect(traces.map { $0["input"] } == ["List the indices", "Show the mapping of test-index."])
            #expect(traces.map { $0["response"] } == ["The indices include test-index.", "test-index has one keyword field: a."])
            #expect(traces.map { $0["trace_number"] } == [1, 2])

            let executorTurns = try #require(try await client.call(.get, "/_plugins/_ml/memory/\(ids[2])/messages").json["messages"]?.arrayValue)
            #expect(executorTurns.map { $0["input"] } == ["List the indices", "Show the mapping of test-index."])
            #expect(executorTurns.last?["message_id"]?.stringValue == ids[3])
        }
    }

    /// `?async=true`: RUNNING with the planner's ids at once; the task holds the executor's first ids, then the output.
    @Test func asyncRunsCompleteTheirTask() async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.prepare(client)
            let agent = try await Self.agent(client)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute?async=true", #"{"parameters":{"question":"\#(Self.question)"}}"#)
            #expect(try reply.json["status"] == "RUNNING")
            #expect(try reply.json["response"]?.objectValue?.keys.map { $0 } == ["memory_id", "parent_interaction_id"])
            let task = try #require(try reply.json["task_id"]?.stringValue)
            var document: JSONValue = .null
            for _ in 0..<200 {
                document = try await client.call(.get, "/_plugins/_ml/tasks/\(task)").json
                if document["state"] == "COMPLETED" { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(document["state"] == "COMPLETED")
            #expect(document["is_async"] == true)
            let response = try #require(document["response"]?.objectValue)
            #expect(response.keys.map { $0 } == [
                "memory_id", "parent_interaction_id", "executor_agent_memory_id", "executor_agent_parent_interaction_id", "inference_results",
            ])
            let output = try #require(response["inference_results"]?.arrayValue?.first?["output"]?.arrayValue)
            #expect(output.last?["dataAsMap"]?["response"] == .string(Self.report))
            // The task keeps the first step's executor interaction; the output names the last one.
            #expect(response["executor_agent_parent_interaction_id"] != output[3]["result"])
        }
    }

    /// A planner answer without JSON fails the run with ml-commons' message, kept in the root interaction.
    @Test func anAnswerWithoutJSONFailsTheRun() async throws {
        try await EmulatorHarness.withServer { client in
            _ = try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"reply":{"text":"I would rather chat."}}}"#)
            let agent = try await Self.agent(client)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"Plan this"}}"#)
            #expect(reply.status == 500)
            #expect(reply.body == #"{"status":500,"error":{"type":"IllegalStateException","reason":"System Error","details":"Failed to parse LLM output due to invalid JSON"}}"#)
            let memories = try await client.call(.post, "/_plugins/_ml/memory/_search", #"{"query":{"match_all":{}}}"#).json
            let memory = try #require(memories["hits"]?["hits"]?.arrayValue?.first?["_id"]?.stringValue)
            let messages = try await client.call(.get, "/_plugins/_ml/memory/\(memory)/messages").json["messages"]?.arrayValue
            #expect(messages?.first?["response"] == "Agent execution failed: Failed to parse LLM output due to invalid JSON")
        }
    }

    /// `max_steps` ends the run with the last step and its result, without asking the planner again.
    @Test func maxStepsEndsTheRun() async throws {
        try await EmulatorHarness.withServer { client in
            try await Self.prepare(client)
            let agent = try await Self.agent(client, parameters: #","max_steps":"1""#)
            _ = try await client.call(.delete, "/__emulator/outbound")
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"\#(Self.question)"}}"#)
            let output = try #require(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue)
            #expect(output.last?["dataAsMap"]?["response"]
                == "Max Steps Limit Reached. Use memory_id with same task to restart. \n Last executed step: \nStep 1: List the indices\n, \n Last executed step result: \nStep 1 Result: The indices include test-index.\n")
            #expect(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.count == 3)
        }
    }

    /// Registration stores a conversational copy as the executor and links it.
    @Test func registrationCreatesTheExecutorAgent() async throws {
        try await EmulatorHarness.withServer { client in
            let agent = try await Self.agent(client)
            let stored = try await client.call(.get, "/_plugins/_ml/agents/\(agent)").json
            let executor = try #require(stored["parameters"]?["executor_agent_id"]?.stringValue)
            let copy = try await client.call(.get, "/_plugins/_ml/agents/\(executor)").json
            #expect(copy["name"] == "per (ReAct)")
            #expect(copy["type"] == "CONVERSATIONAL")
            #expect(copy["description"] == "Execution Agent for Plan Execute Reflect - per")
            #expect(copy["parameters"]?["executor_agent_id"] == nil)
        }
    }

    static func fixture(_ name: String) -> URL {
        Fixture.directory.deletingLastPathComponent().appendingPathComponent("plan-execute-reflect/\(name)")
    }
}
