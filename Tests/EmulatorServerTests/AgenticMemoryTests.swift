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

/// `infer: true`: facts from the container's LLM (the mock answers ml-commons' prompts), embedded by a local
/// model, de-duplicated through the decision step, searchable with `neural`, with their history.
@Suite("Agentic memory: fact extraction")
struct AgenticMemoryInferenceTests {
    static let connector = #"{"name":"c","version":1,"protocol":"http","parameters":{"model":"gpt-4o-mini"},"credential":{"openAI_key":"k"},"actions":[{"action_type":"predict","method":"POST","url":"https://api.openai.com/v1/chat/completions","headers":{"Authorization":"Bearer ${credential.openAI_key}"},"request_body":"{\"model\":\"${parameters.model}\",\"messages\":[{\"role\":\"system\",\"content\":\"${parameters.system_prompt}\"},{\"role\":\"user\",\"content\":\"${parameters.user_prompt}\"}]}"}]}"#

    /// Polls a memory search until it finds `count` hits.
    static func memories(_ client: EmulatorClient, _ path: String, count: Int) async throws -> [JSONValue] {
        var hits: [JSONValue] = []
        for _ in 0..<100 {
            hits = try await client.call(.post, path, #"{"query":{"match_all":{}},"_source":{"excludes":["memory_embedding"]}}"#)
                .json["hits"]?["hits"]?.arrayValue ?? []
            if hits.count >= count { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return hits
    }

    @Test func factsAreExtractedDecidedAndFoundByMeaning() async throws {
        try await EmulatorHarness.withServer { client in
            let task = try await client.id(.post, "/_plugins/_ml/models/_register",
                #"{"name":"huggingface/sentence-transformers/all-MiniLM-L6-v2","version":"1.0.1","model_format":"TORCH_SCRIPT"}"#, field: "task_id")
            let embedding = try #require(try await client.call(.get, "/_plugins/_ml/tasks/\(task)").json["model_id"]?.stringValue)
            #expect(try await client.call(.post, "/_plugins/_ml/models/\(embedding)/_deploy").status == 200)
            let llm = try await client.id(.post, "/_plugins/_ml/models/_register",
                #"{"name":"gpt","function_name":"remote","connector":\#(Self.connector)}"#, field: "model_id")
            let container = try await client.id(.post, "/_plugins/_ml/memory_containers/_create", #"""
                {"name":"agent memory","configuration":{"embedding_model_type":"TEXT_EMBEDDING","embedding_model_id":"\#(embedding)",
                "embedding_dimension":384,"llm_id":"\#(llm)","parameters":{"llm_result_path":"$.choices[0].message.content"},
                "strategies":[{"type":"SEMANTIC","namespace":["user_id"]}]}}
                """#, field: "memory_container_id")
            let memories = "/_plugins/_ml/memory_containers/\(container)/memories"
            _ = try await client.call(.delete, "/__emulator/outbound")

            let first = #"[{"role":"user","content":[{"text":"I am Bob. I really like swimming.","type":"text"}]},{"role":"assistant","content":[{"text":"Nice!","type":"text"}]}]"#
            let added = try await client.call(.post, memories, #"{"messages":\#(first),"namespace":{"user_id":"bob"},"infer":true}"#)
            #expect(added.status == 200)
            let facts = try await Self.memories(client, "\(memories)/long-term/_search", count: 2)
            #expect(facts.compactMap { $0["_source"]?["memory"]?.stringValue } == ["I am Bob.", "I really like swimming."])
            #expect(facts.first?["_source"]?["strategy_type"] == "SEMANTIC")
            #expect(facts.first?["_source"]?["namespace"] == ["user_id": "bob"])

            // The extraction request carries ml-commons' prompts byte for byte, escaped as connectors escape them.
            let call = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.first)
            let reminder = #"{"role":"user","content":[{"text":"Respond NOW with ONE LINE of valid JSON ONLY exactly as {\"facts\":[\"fact1\",\"fact2\",...]}. No extra text, no code fences, no newlines or tabs, no spaces after commas or colons.","type":"text"}]}"#
            let userPrompt = "Analyze the following conversation and extract information:\n```json\n" + String(first.dropLast()) + "," + reminder + "]\n```"
            #expect(call["body"]?.stringValue == #"{"model":"gpt-4o-mini","messages":[{"role":"system","content":""#
                + JSONEscaping.escapeJson(AgenticMemoryPrompts.semanticFactsExtraction) + #""},{"role":"user","content":""#
                + JSONEscaping.escapeJson(userPrompt) + #""}]}"#)

            // A fact already held is kept once: the decision step adds only the new one.
            let second = #"[{"role":"user","content":[{"text":"I really like swimming. I live in Paris.","type":"text"}]}]"#
            _ = try await client.call(.post, memories, #"{"messages":\#(second),"namespace":{"user_id":"bob"},"infer":true}"#)
            let all = try await Self.memories(client, "\(memories)/long-term/_search", count: 3)
            #expect(all.compactMap { $0["_source"]?["memory"]?.stringValue } == ["I am Bob.", "I really like swimming.", "I live in Paris."])
            let history = try await Self.memories(client, "\(memories)/history/_search", count: 3)
            #expect(history.compactMap { $0["_source"]?["action"]?.stringValue } == ["ADD", "ADD", "ADD"])
            #expect(history.last?["_source"]?["after"] == ["memory": "I live in Paris."])
            let decision = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue?.last?["body"]?.stringValue)
            #expect(decision.contains("Analyze the following old memories and newly extracted facts, then make memory decisions:"))

            let search = #"{"query":{"neural":{"memory_embedding":{"query_text":"swimming","model_id":"\#(embedding)","k":1}}},"_source":["memory"]}"#
            let nearest = try await client.call(.post, "\(memories)/long-term/_search", search).json["hits"]?["hits"]?.arrayValue ?? []
            #expect(nearest.count == 1)
            #expect(nearest.first?["_source"] == ["memory": "I really like swimming."])
        }
    }

    @Test func aFailedExtractionIsWrittenToHistory() async throws {
        try await EmulatorHarness.withServer { client in
            let task = try await client.id(.post, "/_plugins/_ml/models/_register",
                #"{"name":"huggingface/sentence-transformers/all-MiniLM-L6-v2","version":"1.0.1","model_format":"TORCH_SCRIPT"}"#, field: "task_id")
            let embedding = try #require(try await client.call(.get, "/_plugins/_ml/tasks/\(task)").json["model_id"]?.stringValue)
            let llm = try await client.id(.post, "/_plugins/_ml/models/_register",
                #"{"name":"gpt","function_name":"remote","connector":\#(Self.connector)}"#, field: "model_id")
            // The default result path is Bedrock Converse's: an OpenAI answer has nothing there.
            let container = try await client.id(.post, "/_plugins/_ml/memory_containers/_create", #"""
                {"name":"m","configuration":{"embedding_model_type":"TEXT_EMBEDDING","embedding_model_id":"\#(embedding)",
                "embedding_dimension":384,"llm_id":"\#(llm)","strategies":[{"type":"SEMANTIC","namespace":["user_id"]}]}}
                """#, field: "memory_container_id")
            let memories = "/_plugins/_ml/memory_containers/\(container)/memories"
            let added = try await client.call(.post, memories,
                #"{"messages":[{"role":"user","content":[{"text":"hi","type":"text"}]}],"namespace":{"user_id":"bob","session_id":"s1"},"tags":{"topic":"t"},"infer":true}"#)
            #expect(try added.json["session_id"] == "s1")
            let history = try await Self.memories(client, "\(memories)/history/_search", count: 1)
            let entry = try #require(history.first?["_source"]?.objectValue)
            #expect(entry["owner_id"] == .null)
            #expect(entry["namespace"] == ["user_id": "bob"])
            #expect(entry["tags"] == ["topic": "t"])
            #expect(entry["error"]?.stringValue?.isEmpty == false)
            #expect(try await client.call(.post, "\(memories)/long-term/_search", #"{"query":{"match_all":{}}}"#).json["hits"]?["total"]?["value"] == 0)
        }
    }
}
