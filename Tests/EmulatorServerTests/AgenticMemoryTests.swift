import MLCommonsCore
import Testing

/// Agentic memory (3.3): memory containers, sessions and working memory, byte for byte as ml-commons
/// writes them, over real sockets.
@Suite("Agentic memory: containers, sessions, working memory")
struct AgenticMemoryTests {
    static let containerBody = #"{"name":"Test memory container","description":"Test memory container","configuration":{"index_prefix":"test_mem_container","use_system_index":false,"disable_session":false,"index_settings":{"session_index":{"index":{"number_of_shards":"1","auto_expand_replicas":"0-all"}},"working_memory_index":{"index":{"number_of_shards":"1","auto_expand_replicas":"0-all"}}}}}"#
    static let conversation = #"{"messages":[{"role":"user","content":[{"text":"I'm Bob, I like swimming","type":"text"}]},{"role":"assistant","content":[{"text":"Nice, hope you enjoy your life","type":"text"}]}],"namespace":{"user_id":"bob"},"metadata":{"status":"checkpoint","branch":{"branch_name":"high","root_event_id":"event123"}},"tags":{"topic":"personal info"},"infer":false}"#
    static let messages = #"[{"role":"user","content":[{"text":"I'm Bob, I like swimming","type":"text"}]},{"role":"assistant","content":[{"text":"Nice, hope you enjoy your life","type":"text"}]}]"#
    static let containers = "/_plugins/_ml/memory_containers"

    /// A container as `MLMemoryContainer.toXContent` writes it (no id, no owner without security, the
    /// `index_settings` in the order of ml-commons' copied `HashMap`), and in `_search` the source as
    /// OpenSearch rebuilds a filtered one: `HashMap` order at every level.
    @Test func containerIsStoredAndSearchedAsMLCommonsWritesIt() async throws {
        try await EmulatorHarness.withServer { client in
            let created = try await client.call(.post, "\(Self.containers)/_create", Self.containerBody)
            let id = try #require(try created.json["memory_container_id"]?.stringValue)
            #expect(created.body == #"{"memory_container_id":"\#(id)","status":"created"}"#)

            let got = try await client.call(.get, "\(Self.containers)/\(id)")
            let time = try #require(try got.json["created_time"]?.numberValue?.text)
            let settings = #"{"index":{"number_of_shards":"1","auto_expand_replicas":"0-all"}}"#
            #expect(got.body == #"{"name":"Test memory container","description":"Test memory container","created_time":\#(time),"last_updated_time":\#(time),"configuration":{"index_prefix":"test_mem_container","index_settings":{"session_index":\#(settings),"working_memory_index":\#(settings)},"disable_history":false,"disable_session":false,"use_system_index":false}}"#)

            let found = try await client.call(.post, "\(Self.containers)/_search", #"{"query":{"match_all":{}}}"#)
            #expect(found.body == #"{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":1,"relation":"eq"},"max_score":1.0,"hits":[{"_index":".plugins-ml-am-memory-container","_id":"\#(id)","_version":1,"_seq_no":0,"_primary_term":1,"_score":1.0,"_source":{"created_time":\#(time),"last_updated_time":\#(time),"configuration":{"index_settings":{"working_memory_index":\#(settings),"session_index":\#(settings)},"index_prefix":"test_mem_container","use_system_index":false,"disable_history":false,"disable_session":false},"name":"Test memory container","description":"Test memory container"}}]}}"#)

            let updated = try await client.call(.put, "\(Self.containers)/\(id)", #"{"name":"renamed"}"#)
            #expect(updated.body == #"{"_index":".plugins-ml-am-memory-container","_id":"\#(id)","_version":2,"result":"updated","_shards":{"total":1,"successful":1,"failed":0},"_seq_no":1,"_primary_term":1}"#)
            #expect(try await client.call(.get, "\(Self.containers)/\(id)").json["name"] == "renamed")

            let deleted = try await client.call(.delete, "\(Self.containers)/\(id)")
            #expect(deleted.body == #"{"_index":".plugins-ml-am-memory-container","_id":"\#(id)","_version":3,"result":"deleted","forced_refresh":true,"_shards":{"total":1,"successful":1,"failed":0},"_seq_no":2,"_primary_term":1}"#)
            // The data indices stay unless the delete asks for them.
            #expect(try await client.call(.get, "/test_mem_container-memory-working").status == 200)
            let gone = try await client.call(.get, "\(Self.containers)/\(id)")
            #expect(gone.body == envelope(
                "status_exception", "Failed to find memory container with the provided memory container id: \(id)", status: 404))
        }
    }

    /// Working memory: the stored document's order, `getParameterMap` strings in `HashMap` order, the search
    /// scoped to its container with the flat-object namespace, update, delete and delete-by-query.
    @Test func workingMemoryRoundTrips() async throws {
        try await EmulatorHarness.withServer { client in
            let id = try await client.id(.post, "\(Self.containers)/_create", Self.containerBody, field: "memory_container_id")
            let other = try await client.id(.post, "\(Self.containers)/_create", Self.containerBody, field: "memory_container_id")
            let memories = "\(Self.containers)/\(id)/memories"
            let added = try await client.call(.post, memories, Self.conversation)
            let memoryID = try #require(try added.json["working_memory_id"]?.stringValue)
            #expect(added.body == #"{"working_memory_id":"\#(memoryID)"}"#)
            _ = try await client.call(.post, "\(Self.containers)/\(other)/memories", Self.conversation)

            let got = try await client.call(.get, "\(memories)/working/\(memoryID)")
            let time = try #require(try got.json["created_time"]?.numberValue?.text)
            let metadata = #"{"branch":"{\"root_event_id\":\"event123\",\"branch_name\":\"high\"}","status":"checkpoint"}"#
            #expect(got.body == #"{"memory_container_id":"\#(id)","payload_type":"conversational","messages":\#(Self.messages),"namespace":{"user_id":"bob"},"namespace_size":1,"infer":false,"metadata":\#(metadata),"tags":{"topic":"personal info"},"created_time":\#(time),"last_updated_time":\#(time)}"#)

            let search = #"{"query":{"bool":{"must":[{"term":{"namespace.user_id":"bob"}}]}},"sort":[{"created_time":{"order":"desc"}}]}"#
            let found = try await client.call(.get, "\(memories)/working/_search", search)
            #expect(found.body == #"{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":1,"relation":"eq"},"max_score":null,"hits":[{"_index":"test_mem_container-memory-working","_id":"\#(memoryID)","_version":1,"_seq_no":0,"_primary_term":1,"_score":null,"_source":{"payload_type":"conversational","created_time":\#(time),"metadata":\#(metadata),"last_updated_time":\#(time),"infer":false,"namespace_size":1,"namespace":{"user_id":"bob"},"messages":\#(Self.messages),"memory_container_id":"\#(id)","tags":{"topic":"personal info"}},"sort":[\#(time)]}]}}"#)

            let updated = try await client.call(.put, "\(memories)/working/\(memoryID)", #"{"tags":{"topic":"updated_topic"}}"#)
            #expect(try updated.json["result"] == "updated")
            #expect(try updated.json["_version"] == 2)
            #expect(try await client.call(.get, "\(memories)/working/\(memoryID)").json["tags"] == ["topic": "updated_topic"])

            let nothing = try await client.call(.post, "\(memories)/working/_delete_by_query", #"{"query":{"match":{"user_id":"bob"}}}"#)
            #expect(nothing.body.hasSuffix(#","timed_out":false,"total":0,"updated":0,"created":0,"deleted":0,"batches":0,"version_conflicts":0,"noops":0,"retries":{"bulk":0,"search":0},"throttled_millis":0,"requests_per_second":-1.0,"throttled_until_millis":0,"failures":[]}"#))
            let cleared = try await client.call(.post, "\(memories)/working/_delete_by_query", #"{"query":{"match_all":{}}}"#)
            #expect(try cleared.json["deleted"] == 1)
            // The other container's memory is untouched.
            let left = try await client.call(.post, "\(Self.containers)/\(other)/memories/working/_search", #"{"query":{"match_all":{}}}"#)
            #expect(try left.json["hits"]?["total"]?["value"] == 1)
            let missing = try await client.call(.delete, "\(memories)/working/\(memoryID)")
            #expect(missing.body == envelope("status_exception", "Memory not found", status: 404))
        }
    }

    /// Sessions: off by default in 3.3 (on from 3.5), a custom id kept, and the add response naming the session.
    @Test func sessionsFollowTheReleaseDefault() async throws {
        try await EmulatorHarness.withServer { client in
            let id = try await client.id(.post, "\(Self.containers)/_create", #"{"name":"plain"}"#, field: "memory_container_id")
            let refused = try await client.call(.post, "\(Self.containers)/\(id)/memories/sessions", #"{"summary":"s"}"#)
            #expect(refused.body == envelope("action_request_validation_exception", "Validation Failed: 1: index is missing;", status: 400))
            let config = try await client.call(.get, "\(Self.containers)/\(id)").json["configuration"]
            #expect(config?["disable_session"] == true)
            #expect(config?["use_system_index"] == true)
            #expect(config?["index_prefix"] == "default")
            #expect(try await client.call(.get, "/.plugins-ml-am-default-memory-working").status == 200)
        }
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_5_0 }) { client in
            let id = try await client.id(.post, "\(Self.containers)/_create", #"{"name":"plain"}"#, field: "memory_container_id")
            let session = try await client.call(
                .post, "\(Self.containers)/\(id)/memories/sessions", #"{"session_id":"test123","metadata":{"key1":"value1"}}"#)
            #expect(session.body == #"{"session_id":"test123","status":"created"}"#)
            let got = try await client.call(.get, "\(Self.containers)/\(id)/memories/sessions/test123")
            let time = try #require(try got.json["created_time"]?.numberValue?.text)
            #expect(got.body == #"{"memory_container_id":"\#(id)","created_time":\#(time),"last_updated_time":\#(time),"metadata":{"key1":"value1"}}"#)
            let added = try await client.call(.post, "\(Self.containers)/\(id)/memories", #"{"structured_data":{"a":1},"payload_type":"DATA","namespace":{"session_id":123}}"#)
            #expect(try added.json["session_id"] == "123")
        }
    }

    /// ml-commons' refusals, each with its status and words.
    @Test func refusals() async throws {
        try await EmulatorHarness.withServer { client in
            #expect(try await client.call(.post, "\(Self.containers)/_create", #"{"description":"x"}"#).body
                == envelope("illegal_argument_exception", "name is null", status: 400))
            #expect(try await client.call(.post, "\(Self.containers)/_create", #"{"name":"x","configuration":{"embedding_model_type":"TEXT_EMBEDDING","embedding_model_id":"m"}}"#).body
                == envelope("illegal_argument_exception", "Dimension is required for TEXT_EMBEDDING", status: 400))
            #expect(try await client.call(.post, "\(Self.containers)/_create", #"{"name":"x","configuration":{"strategies":[{"type":"SEMANTIC","namespace":["user_id"]}]}}"#).body
                == envelope("illegal_argument_exception", "Strategies require both an LLM model and embedding model to be configured. Missing: LLM model and embedding model. Strategies use LLM for fact extraction and embedding model for semantic search.", status: 400))
            #expect(try await client.call(.post, "\(Self.containers)/_create", #"{"name":"x","configuration":{"llm_id":"nope"}}"#).body
                == envelope("illegal_argument_exception", "LLM model with ID nope not found", status: 400))
            #expect(try await client.call(.get, "\(Self.containers)/nope").body
                == envelope("status_exception", "Failed to find memory container index", status: 404))

            let id = try await client.id(.post, "\(Self.containers)/_create", #"{"name":"plain"}"#, field: "memory_container_id")
            #expect(try await client.call(.post, "\(Self.containers)/\(id)/memories").body
                == envelope("i_o_exception", "Add memory request has empty body", status: 500))
            #expect(try await client.call(.post, "\(Self.containers)/\(id)/memories", #"{"infer":true}"#).body
                == envelope("illegal_argument_exception", "No messages provided when inferring memory", status: 400))
            #expect(try await client.call(.post, "\(Self.containers)/\(id)/memories", #"{"infer":true,"messages":[{"role":"user","content":[{"text":"hi","type":"text"}]}]}"#).body
                == envelope("illegal_argument_exception", "infer=true requires llm_model_id to be configured in memory storage", status: 400))
            #expect(try await client.call(.post, "\(Self.containers)/\(id)/memories", #"{"messages":[{"role":"user"}]}"#).body
                == envelope("illegal_argument_exception", "Message must have role and content", status: 400))
            #expect(try await client.call(.get, "\(Self.containers)/\(id)/memories/shortterm/abc").body
                == envelope("illegal_argument_exception", "Invalid memory type: shortterm. Must be one of: sessions, working, long-term, history", status: 400))
            #expect(try await client.call(.get, "\(Self.containers)/\(id)/memories/sessions/abc").body
                == envelope("status_exception", "Memory index not found", status: 404))
            #expect(try await client.call(.get, "\(Self.containers)/\(id)/memories/long-term/abc").status == 404)
            #expect(try await client.call(.post, "\(Self.containers)/nope/memories", "{}").body
                == envelope("status_exception", "Memory container not found", status: 404))
            #expect(try await client.call(.post, "\(Self.containers)/\(id)/memories/working/_delete_by_query", "{}").body
                == envelope("action_request_validation_exception", "Validation Failed: 1: Query is required;", status: 400))

            #expect(try await client.call(.put, "/_cluster/settings", #"{"persistent":{"plugins.ml_commons.agentic_memory_enabled":false}}"#).status == 200)
            #expect(try await client.call(.get, "\(Self.containers)/\(id)").body == envelope(
                "status_exception",
                "The Agentic Memory APIs are not enabled. To enable, please update the setting plugins.ml_commons.agentic_memory_enabled",
                status: 403))
        }
    }
}
