import MLCommonsCore
import Testing

/// `POST /_plugins/_ml/tools/_execute/{tool_name}`: one tool run outside an agent, as `MLToolExecutor` does it.
@Suite("Execute Tool API")
struct ToolExecuteTests {
    static func result(_ text: String) -> String {
        #"{"inference_results":[{"output":[{"name":"response","result":"\#(JSONWriter().escaped(text))"}]}]}"#
    }

    static func failure(_ status: Int, _ type: String, _ details: String) -> String {
        let reason = status == 400 ? "Invalid Request" : "System Error"
        return #"{"status":\#(status),"error":{"type":"\#(type)","reason":"\#(reason)","details":"\#(JSONWriter().escaped(details))"}}"#
    }

    /// The official story's two chapters, answered byte for byte: the mapping as Java prints it and the
    /// settings sorted, and the index table with the story's index in it.
    @Test func runsTheStoryTools() async throws {
        try await EmulatorHarness.withServer { client in
            let created = try await client.call(.put, "/test-index", #"{"mappings":{"properties":{"timestamp":{"type":"date"},"attribute":{"type":"keyword"},"value":{"type":"float"}}}}"#)
            #expect(created.status == 200)
            let settings = try await client.call(.get, "/test-index").json["test-index"]?["settings"]?["index"]
            let uuid = try #require(settings?["uuid"]?.stringValue)
            let creation = try #require(settings?["creation_date"]?.stringValue)

            let mapping = try await client.call(.post, "/_plugins/_ml/tools/_execute/IndexMappingTool",
                #"{"parameters":{"index":["test-index"],"question":"What fields are in the test-index index?"}}"#)
            #expect(mapping.status == 200)
            #expect(mapping.body == Self.result(
                "index: test-index\n\nmappings:\nproperties={attribute={type=keyword}, timestamp={type=date}, value={type=float}}\n\n\n"
                    + "settings:\nindex.creation_date=\(creation)\nindex.number_of_replicas=1\nindex.number_of_shards=1\n"
                    + "index.provided_name=test-index\nindex.replication.type=DOCUMENT\nindex.uuid=\(uuid)\n"
                    + "index.version.created=137247827\n\n\n"))

            let list = try await client.call(.post, "/_plugins/_ml/tools/_execute/ListIndexTool",
                #"{"parameters":{"question":"How many indices do I have?"}}"#)
            #expect(list.status == 200)
            let table = try #require(try list.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first?["result"]?.stringValue)
            #expect(table.hasPrefix("row,health,status,index,uuid,pri(number of primary shards),"))
            #expect(table.contains(",yellow,open,test-index,\(uuid),1,1,0,0,"))
        }
    }

    /// Each refusal in `MLToolExecutor`'s order, in the execute APIs' envelope; body errors before the flag.
    @Test func refusesWithMLCommonsMessages() async throws {
        try await EmulatorHarness.withServer { client in
            let path = "/_plugins/_ml/tools/_execute/"
            #expect(try await client.call(.post, path + "Nope", "{}").body
                == Self.failure(400, "IllegalArgumentException", "Tool input data can not be empty."))
            #expect(try await client.call(.post, path + "Nope", #"{"parameters":{"a":"b"}}"#).body
                == Self.failure(400, "IllegalArgumentException", "Tool not found: Nope"))
            #expect(try await client.call(.post, path + "listindextool", #"{"parameters":{"a":"b"}}"#).status == 400)
            #expect(try await client.call(.post, path + "ListIndexTool", #"{"parameters":{}}"#).body
                == Self.failure(400, "IllegalArgumentException", "Invalid parameters for tool: ListIndexTool"))
            #expect(try await client.call(.post, path + "IndexMappingTool", #"{"parameters":"not an object"}"#).body
                == Self.failure(400, "IllegalArgumentException", "Invalid parameters for tool: IndexMappingTool"))
            let missing = try await client.call(.post, path + "IndexMappingTool", #"{"parameters":{"index":["nope"]}}"#)
            #expect(missing.status == 404)
            #expect(missing.body == Self.failure(404, "IndexNotFoundException", "no such index [nope]"))
            let unbuilt = try await client.call(.post, path + "VisualizationTool", #"{"parameters":{"input":"x"}}"#)
            #expect(unbuilt.status == 501)

            #expect(try await client.call(.post, path + "ListIndexTool").body
                == envelope("parse_exception", "request body is required", status: 400))
            #expect(try await client.call(.put, "/_cluster/settings",
                #"{"persistent":{"plugins.ml_commons.execute_tools_enabled":false}}"#).status == 200)
            #expect(try await client.call(.post, path + "ListIndexTool", "[]").status == 400)
            let off = try await client.call(.post, path + "ListIndexTool", #"{"parameters":{"question":"q"}}"#)
            #expect(off.status == 500)
            #expect(off.body == envelope(
                "illegal_state_exception",
                "The Execute Tool API is not enabled. To enable, please update the setting plugins.ml_commons.execute_tools_enabled",
                status: 500))
        }
    }
}

/// `AgentTool`: an agent that runs another agent answers with that agent's tensors.
@Suite("AgentTool")
struct AgentToolTests {
    static func register(_ client: EmulatorClient, _ body: String) async throws -> String {
        try await client.id(.post, "/_plugins/_ml/agents/_register", body, field: "agent_id")
    }

    @Test func anAgentRunsAnAgent() async throws {
        try await EmulatorHarness.withServer { client in
            let inner = try await Self.register(client, #"{"name":"inner","type":"flow","tools":[{"type":"ListIndexTool"}]}"#)
            let outer = try await Self.register(client,
                #"{"name":"outer","type":"flow","tools":[{"type":"AgentTool","parameters":{"agent_id":"\#(inner)"}}]}"#)
            let direct = try await client.call(.post, "/_plugins/_ml/agents/\(inner)/_execute", #"{"parameters":{"question":"q"}}"#)
            #expect(direct.status == 200)
            #expect(try direct.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first?["name"] == "ListIndexTool")
            let chained = try await client.call(.post, "/_plugins/_ml/agents/\(outer)/_execute", #"{"parameters":{"question":"q"}}"#)
            #expect(chained.body == direct.body)
            let executed = try await client.call(.post, "/_plugins/_ml/tools/_execute/AgentTool",
                #"{"parameters":{"agent_id":"\#(inner)","question":"q"}}"#)
            #expect(executed.body == direct.body)
            #expect(try await client.call(.post, "/_plugins/_ml/tools/_execute/AgentTool", #"{"parameters":{"question":"q"}}"#).body
                == ToolExecuteTests.failure(400, "IllegalArgumentException", "Agent ID not registered in tool"))
        }
    }

    @Test func anAgentCallingItselfStops() async throws {
        try await EmulatorHarness.withServer { client in
            let agent = try await Self.register(client, #"{"name":"loop","type":"flow","tools":[{"type":"ListIndexTool"}]}"#)
            _ = try await client.call(.put, "/_plugins/_ml/agents/\(agent)",
                #"{"name":"loop","type":"flow","tools":[{"type":"AgentTool","parameters":{"agent_id":"\#(agent)"}}]}"#)
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"q"}}"#)
            #expect(reply.body == ToolExecuteTests.failure(500, "IllegalStateException",
                "agents called agents 8 deep through AgentTool or an executor agent; the emulator stops here"))
        }
    }
}
