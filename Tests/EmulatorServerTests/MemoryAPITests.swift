import MLCommonsCore
import Testing

@Suite("Conversation memory APIs")
struct MemoryAPITests {
    @Test func memoriesMessagesAndTraces() async throws {
        try await EmulatorHarness.withServer { client in
            let memory = try await client.id(.post, "/_plugins/_ml/memory", Fixture.request("create-memory"), field: "memory_id")
            let meta = try await client.call(.get, "/_plugins/_ml/memory/\(memory)").json
            #expect(meta.objectValue?.keys == ["memory_id", "create_time", "updated_time", "name"])
            #expect(meta["name"] == "Conversation for a RAG pipeline")

            let root = try await client.id(
                .post, "/_plugins/_ml/memory/\(memory)/messages", Fixture.request("create-message"), field: "message_id")
            let trace = try await client.id(
                .post, "/_plugins/_ml/memory/\(memory)/messages",
                #"{"input":"q","response":"tool output","origin":"ListIndexTool","parent_message_id":"\#(root)","trace_number":1}"#,
                field: "message_id")

            let message = try await client.call(.get, "/_plugins/_ml/memory/message/\(root)").json
            #expect(message.objectValue?.keys == ["memory_id", "message_id", "create_time", "updated_time", "input", "prompt_template", "response", "origin", "additional_info"])

            let messages = try await client.call(.get, "/_plugins/_ml/memory/\(memory)/messages").json
            #expect(messages["messages"]?.arrayValue?.map { $0["message_id"] } == [.string(root)])
            #expect(messages["next_token"] == nil)

            let traces = try await client.call(.get, "/_plugins/_ml/memory/message/\(root)/traces").json
            #expect(traces["traces"]?.arrayValue?.map { $0["message_id"] } == [.string(trace)])
            #expect(traces["traces"]?.arrayValue?.first?["trace_number"] == 1)

            let update = try await client.call(.put, "/_plugins/_ml/memory/message/\(root)", #"{"additional_info":{"feedback":"thumbs up!"}}"#)
            #expect(update.body.contains(#""result":"updated","forced_refresh":true"#))
            let info = try await client.call(.get, "/_plugins/_ml/memory/message/\(root)").json["additional_info"]
            #expect(info == ["suggestion": "api.openai.com", "feedback": "thumbs up!"])

            let search = try await client.call(.post, "/_plugins/_ml/memory/\(memory)/_search", #"{"query":{"match":{"origin":"ListIndexTool"}}}"#)
            #expect(try search.json["hits"]?["total"]?["value"] == 1)

            #expect(try await client.call(.delete, "/_plugins/_ml/memory/\(memory)").body == #"{"success":true}"#)
            #expect(try await client.call(.get, "/_plugins/_ml/memory/message/\(root)").status == 404)
        }
    }

    @Test func renameAndSearchMemories() async throws {
        try await EmulatorHarness.withServer { client in
            let memory = try await client.id(.post, "/_plugins/_ml/memory", #"{"name":"old"}"#, field: "memory_id")
            let update = try await client.call(.put, "/_plugins/_ml/memory/\(memory)", #"{"name":"new name"}"#)
            #expect(update.body.hasPrefix(#"{"_index":".plugins-ml-memory-meta","_id":"\#(memory)","_version":2,"result":"updated","forced_refresh":true"#))
            #expect(try await client.call(.get, "/_plugins/_ml/memory/\(memory)").json["name"] == "new name")
            let search = try await client.call(.get, "/_plugins/_ml/memory/_search")
            let hit = try #require(try search.json["hits"]?["hits"]?.arrayValue?.first)
            #expect(hit["_id"]?.stringValue == memory)
            // The stored source is a Java HashMap: its keys come out in hash order.
            #expect(hit["_source"]?.objectValue?.keys == JavaHashMapOrder.ordered(["create_time", "updated_time", "name"]))
        }
    }

    @Test func pagingUsesNextTokenAndNewestFirst() async throws {
        try await EmulatorHarness.withServer { client in
            var ids: [String] = []
            for index in 0..<3 {
                ids.append(try await client.id(.post, "/_plugins/_ml/memory", #"{"name":"m\#(index)"}"#, field: "memory_id"))
            }
            let first = try await client.call(.get, "/_plugins/_ml/memory?max_results=2").json
            #expect(first["memories"]?.arrayValue?.map { $0["memory_id"] } == [.string(ids[2]), .string(ids[1])])
            #expect(first["next_token"] == 2)
            let second = try await client.call(.get, "/_plugins/_ml/memory?max_results=2&next_token=2").json
            #expect(second["memories"]?.arrayValue?.map { $0["memory_id"] } == [.string(ids[0])])
            #expect(second["next_token"] == nil)
        }
    }

    @Test func unknownMemoryAndMessage() async throws {
        try await EmulatorHarness.withServer { client in
            #expect(try await client.call(.get, "/_plugins/_ml/memory/nope").body
                == envelope("resource_not_found_exception", "Memory [nope] not found", status: 404))
            #expect(try await client.call(.get, "/_plugins/_ml/memory/message/nope").body
                == envelope("resource_not_found_exception", "Message [nope] not found", status: 404))
            #expect(try await client.call(.post, "/_plugins/_ml/memory/nope/messages", #"{"input":"x"}"#).body
                == envelope("resource_not_found_exception", "Memory [nope] not found", status: 404))
            let memory = try await client.id(.post, "/_plugins/_ml/memory", "{}", field: "memory_id")
            #expect(try await client.call(.post, "/_plugins/_ml/memory/\(memory)/messages", #"{"input":" "}"#).body
                == envelope(
                    "illegal_argument_exception",
                    "At least one of the following parameters must be non-empty: input, prompt_template, response, origin, additional_info",
                    status: 400))
        }
    }

    @Test func memoryFeatureOff() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/_cluster/settings", #"{"persistent":{"plugins.ml_commons.memory_feature_enabled":false}}"#)
            let reply = try await client.call(.post, "/_plugins/_ml/memory", #"{"name":"x"}"#)
            #expect(reply.status == 500)
            #expect(reply.body == envelope(
                "exception",
                "The Conversation Memory feature is not enabled. To enable, please update the setting plugins.ml_commons.memory_feature_enabled",
                status: 500))
            #expect(try await client.call(.get, "/_plugins/_ml/memory").status == 500)
        }
    }
}
