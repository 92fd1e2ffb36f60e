import EmulatorServer
import MLCommonsCore
import Testing

/// A conversational agent on `agentic_memory` (3.5+): its session as `memory_id`, the root interaction, traces and
/// answer as working memory of the container, read back as history.
@Suite("Conversational agents on agentic memory")
struct AgenticMemoryAgentTests {
    /// The docs' chat agent with its memory in a new container; the agent's id.
    static func agent(_ client: EmulatorClient) async throws -> String {
        let script = try String(contentsOf: Fixture.directory.deletingLastPathComponent().appendingPathComponent("mock-llm/chat-agent.json"), encoding: .utf8)
        try await client.call(.put, "/__emulator/mock-llm/script", script)
        let container = try await client.id(.post, "/_plugins/_ml/memory_containers/_create", #"{"name":"chat"}"#, field: "memory_container_id")
        let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.request("create-openai-agent-connector"), field: "connector_id")
        let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connector), field: "model_id")
        let agent = Fixture.request("register-chat-agent", ["model_id": model])
            .replacingAll(#""type": "conversation_index""#, with: #""type": "agentic_memory", "memory_container_id": "\#(container)""#)
        return try await client.id(.post, "/_plugins/_ml/agents/_register", agent, field: "agent_id")
    }

    static func working(_ client: EmulatorClient) async throws -> [JSONValue] {
        let hits = try await client.call(.post, "/.plugins-ml-am-default-memory-working/_search", #"{"size":50}"#).json["hits"]?["hits"]
        return hits?.arrayValue?.compactMap { $0["_source"] } ?? []
    }

    @Test func aRunWritesItsRootTracesAndAnswer() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_8_0 }) { client in
            let agent = try await Self.agent(client)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"How many indices are in my cluster?"}}"#)
            let output = try #require(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue, "\(reply.body)")
            let session = try #require(output.first?["result"]?.stringValue)
            let root = try #require(output.dropFirst().first?["result"]?.stringValue)
            #expect(output.map { $0["name"] } == ["memory_id", "parent_interaction_id", "response"])
            let answer = try #require(output.last?["dataAsMap"]?["response"]?.stringValue)
            #expect(answer.hasPrefix("There are "))

            let sessionDocument = try await client.call(.get, "/.plugins-ml-am-default-memory-sessions/_doc/\(session)").json
            #expect(sessionDocument["_source"]?["summary"] == "How many indices are in my cluster?")

            let documents = try await Self.working(client)
            let message = try #require(documents.first { $0["metadata"]?["type"] == "message" })
            #expect(message["structured_data_blob"]?["response"]?.stringValue == answer)
            #expect(message["structured_data_blob"]?["final_answer"] == true)
            #expect(message["structured_data_blob"]?["additional_info"] == [:])
            let traces = documents.filter { $0["metadata"]?["type"] == "trace" }
            #expect(traces.compactMap { $0["message_id"]?.numberValue?.intValue } == [1, 2, 3])
            #expect(traces.compactMap { $0["metadata"]?["origin"]?.stringValue } == ["LLM", "RetrieveIndexMetaTool", "LLM"])
            #expect(traces.allSatisfy { $0["metadata"]?["parent_message_id"]?.stringValue == root })
            // 3.8 writes the source as a HashMap with the session at the top level.
            #expect(traces.first?.objectValue?.keys == [
                "payload_type", "created_time", "metadata", "structured_data_blob", "last_updated_time", "infer", "namespace_size",
                "namespace", "session_id", "message_id", "memory_container_id",
            ])
            #expect(traces.first?["metadata"]?.objectValue?.keys == ["trace_number", "parent_message_id", "origin", "type"])
            #expect(traces.first?["structured_data_blob"]?.objectValue?.keys == [
                "input", "updated_time", "trace_number", "create_time", "response", "parent_message_id", "origin",
            ])
            // The answer is merged into a copy of the root's blob, re-indexed as a HashMap.
            #expect(message["structured_data_blob"]?.objectValue?.keys == [
                "input", "updated_time", "create_time", "final_answer", "additional_info", "response",
            ])

            // The next run on the session sees the first turn as history.
            _ = try await client.call(.delete, "/__emulator/outbound")
            _ = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"And now?","memory_id":"\#(session)"}}"#)
            let body = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.first?["body"]?.stringValue)
            #expect(body.contains(#"{"role":"user","content":"How many indices are in my cluster?"}, {"role":"assistant","content":"\#(answer)"}"#))
        }
    }

    @Test func aContainerIsRequired() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_5_0 }) { client in
            let agent = try await Self.agent(client)
            let stored = try #require(try await client.call(.get, "/_plugins/_ml/agents/\(agent)").json["memory"]?["memory_container_id"])
            #expect(stored.stringValue?.isEmpty == false)
            let missing = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"hi","memory_container_id":"nope"}}"#)
            #expect(missing.body == #"{"status":404,"error":{"type":"OpenSearchStatusException","reason":"System Error","details":"Memory container not found"}}"#)
        }
    }
}
