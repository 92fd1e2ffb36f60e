import AsyncHTTPClient
import EmulatorServer
import MLCommonsCore
import Testing

/// Each request here once took the server down or froze it; each now gets the answer OpenSearch gives,
/// and the server answers the next request.
@Suite("Hostile input over real sockets")
struct HostileInputTests {
    static func coercion(_ number: String, column: Int) -> String {
        envelope(
            "input_coercion_exception",
            "Numeric value (\(number)) out of range of int (-2147483648 - 2147483647)\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: \(column)]",
            status: 400)
    }

    static func stillServing(_ client: EmulatorClient) async throws {
        #expect(try await client.call(.get, "/__emulator/health").status == 200)
    }

    @Test func hugeAndNegativePagingInSearchBodies() async throws {
        try await EmulatorHarness.withServer { client in
            for path in ["/_plugins/_ml/connectors/_search", "/_plugins/_ml/models/_search", "/_plugins/_ml/agents/_search"] {
                let huge = try await client.call(.post, path, #"{"size":1e999}"#)
                #expect(huge.status == 400)
                #expect(huge.body == Self.coercion("1e999", column: 14))
                #expect(try await client.call(.post, path, #"{"from":1e19}"#).body == Self.coercion("1e19", column: 13))
                #expect(try await client.call(.post, path, #"{"size":99999999999}"#).body == Self.coercion("99999999999", column: 20))
                #expect(try await client.call(.post, path, #"{"size":-1}"#).body
                    == envelope("illegal_argument_exception", "[size] parameter cannot be negative, found [-1]", status: 400))
                #expect(try await client.call(.post, path, #"{"from":-1}"#).body
                    == envelope("illegal_argument_exception", "[from] parameter cannot be negative, found [-1]", status: 400))
                #expect(try await client.call(.post, path, #"{"size":"abc"}"#).body
                    == envelope("number_format_exception", #"For input string: "abc""#, status: 400))
                #expect(try await client.call(.post, path, #"{"size":"1e999"}"#).body
                    == envelope("illegal_argument_exception", "Value [1e999] is out of range for an integer", status: 400))
            }
            try await Self.stillServing(client)
        }
    }

    @Test func negativeAndMalformedMemoryPaging() async throws {
        try await EmulatorHarness.withServer { client in
            // Before any memory exists the conversation list is empty whatever the token says.
            #expect(try await client.call(.get, "/_plugins/_ml/memory?next_token=-1").body == #"{"memories":[]}"#)
            let memory = try await client.id(.post, "/_plugins/_ml/memory", #"{"name":"m"}"#, field: "memory_id")
            let message = try await client.id(.post, "/_plugins/_ml/memory/\(memory)/messages", #"{"input":"q","response":"a"}"#, field: "message_id")
            #expect(try await client.call(.get, "/_plugins/_ml/memory?next_token=-1").body
                == envelope("illegal_argument_exception", "[from] parameter cannot be negative, found [-1]", status: 400))
            #expect(try await client.call(.get, "/_plugins/_ml/memory?max_results=0").body
                == envelope("action_request_validation_exception", "Validation Failed: 1: Can't list 0 or negative conversations;", status: 400))
            #expect(try await client.call(.get, "/_plugins/_ml/memory/\(memory)/messages?next_token=-1").body
                == envelope("action_request_validation_exception", "Validation Failed: 1: The starting position must be nonnegative;", status: 400))
            #expect(try await client.call(.get, "/_plugins/_ml/memory/\(memory)/messages?max_results=0&next_token=-1").body
                == envelope(
                    "action_request_validation_exception",
                    "Validation Failed: 1: The number of interactions to retrieve must be positive;2: The starting position must be nonnegative;",
                    status: 400))
            #expect(try await client.call(.get, "/_plugins/_ml/memory/message/\(message)/traces?next_token=-1").body
                == envelope("action_request_validation_exception", "Validation Failed: 1: The starting position must be nonnegative;", status: 400))
            #expect(try await client.call(.get, "/_plugins/_ml/memory/message/\(message)/traces?max_results=-1").body
                == envelope("action_request_validation_exception", "Validation Failed: 1: The number of traces to retrieve must be positive;", status: 400))
            for query in ["next_token=abc", "next_token=1e999", "max_results=9223372036854775807", "next_token="] {
                let value = String(query.split(separator: "=", omittingEmptySubsequences: false)[1])
                #expect(try await client.call(.get, "/_plugins/_ml/memory/\(memory)/messages?\(query)").body
                    == envelope("number_format_exception", "For input string: \"\(value)\"", status: 400))
            }
            #expect(try await client.call(.get, "/_plugins/_ml/memory?next_token=2147483647").status == 400)
            try await Self.stillServing(client)
        }
    }

    @Test func negativeHugeAndMalformedURLPagingOnAnIndex() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/i/_doc/1", #"{"a":1}"#)
            #expect(try await client.call(.get, "/i/_search?size=-1").body
                == envelope("illegal_argument_exception", "[size] parameter cannot be negative, found [-1]", status: 400))
            #expect(try await client.call(.get, "/i/_search?from=-1").body
                == envelope("illegal_argument_exception", "[from] parameter cannot be negative, found [-1]", status: 400))
            #expect(try await client.call(.get, "/i/_search?size=abc").body
                == #"{"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"Failed to parse int parameter [size] with value [abc]"}],"type":"illegal_argument_exception","reason":"Failed to parse int parameter [size] with value [abc]","caused_by":{"type":"number_format_exception","reason":"For input string: \"abc\""}},"status":400}"#)
            let node = try #require(try await client.call(.get, "/__emulator/config").json["node_id"]?.stringValue)
            let window = "Result window is too large, from + size must be less than or equal to: [10000] but was [10010]. See the scroll api for a more efficient way to request large data sets. This limit can be set by changing the [index.max_result_window] index level setting."
            #expect(try await client.call(.get, "/i/_search?from=10000").body
                == #"{"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"\#(window)"}],"type":"search_phase_execution_exception","reason":"all shards failed","phase":"query","grouped":true,"failed_shards":[{"shard":0,"index":"i","node":"\#(node)","reason":{"type":"illegal_argument_exception","reason":"\#(window)"}}],"caused_by":{"type":"illegal_argument_exception","reason":"\#(window)","caused_by":{"type":"illegal_argument_exception","reason":"\#(window)"}}},"status":400}"#)
            #expect(try await client.call(.get, "/i/_search?from=9990").status == 200)
            try await Self.stillServing(client)
        }
    }

    @Test func outOfRangeNumbersInResourceBodies() async throws {
        try await EmulatorHarness.withServer { client in
            let connector = #"{"name":"c","description":"d","version":1,"protocol":"http","parameters":{"endpoint":"api.openai.com"},"client_config":{"max_connection":1e999},"actions":[]}"#
            #expect(try await client.call(.post, "/_plugins/_ml/connectors/_create", connector).body == Self.coercion("1e999", column: 143))
            let readTimeout = Fixture.openAIConnector.replacingAll(#""version": 1,"#, with: #""version": 1, "client_config": {"read_timeout": 9223372036854775807},"#)
            #expect(try await client.call(.post, "/_plugins/_ml/connectors/_create", readTimeout).status == 400)
            let agent = #"{"name":"a","type":"conversational","llm":{"model_id":"m"},"memory":{"type":"conversation_index","window_size":1e999}}"#
            #expect(try await client.call(.post, "/_plugins/_ml/agents/_register", agent).body == Self.coercion("1e999", column: 117))
            let memory = try await client.id(.post, "/_plugins/_ml/memory", "{}", field: "memory_id")
            let messages = "/_plugins/_ml/memory/\(memory)/messages"
            #expect(try await client.call(.post, messages, #"{"input":"x","trace_number":1e999}"#).body == Self.coercion("1e999", column: 34))
            #expect(try await client.call(.post, messages, #"{"input":"x","trace_number":"5"}"#).body
                == envelope("illegal_argument_exception", "Integer value passed as String", status: 400))
            #expect(try await client.call(.post, messages, #"{"input":"x","trace_number":1.5}"#).body
                == envelope("illegal_argument_exception", "1.5 cannot be converted to Integer without data loss", status: 400))
            try await Self.stillServing(client)
        }
    }

    @Test func largestReadTimeoutStillPredicts() async throws {
        try await EmulatorHarness.withServer { client in
            let connector = Fixture.openAIConnector.replacingAll(
                #""version": 1,"#, with: #""version": 1, "client_config": {"read_timeout": 2147483647, "connection_timeout": 2147483647},"#)
            let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", connector, field: "connector_id")
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
            let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", #"{"parameters":{"messages":[{"role":"user","content":"hi"}]}}"#)
            #expect(reply.status == 200)
        }
    }

    @Test func negativeRetryBackoffIsRefusedAsRetryableActionRefusesIt() async throws {
        try await EmulatorHarness.withServer { client in
            for (backoff, message) in [(-1, "Initial delay was less than 1 millisecond: -1"), (0, "Initial delay was less than 1 millisecond: 0s"), (-2, "duration cannot be negative, was given [-2]")] {
                let connector = Fixture.openAIConnector.replacingAll(
                    #""version": 1,"#,
                    with: #""version": 1, "client_config": {"max_retry_times": 2, "retry_backoff_millis": \#(backoff), "retry_backoff_policy": "exponential_full_jitter"},"#)
                let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", connector, field: "connector_id")
                let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
                try await client.call(.put, "/__emulator/mock-llm/script", #"{"default":{"fault":{"type":"rate_limit"}}}"#)
                let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", #"{"parameters":{"messages":[]}}"#)
                #expect(reply.body == envelope("illegal_argument_exception", message, status: 400))
            }
            try await Self.stillServing(client)
        }
    }

    @Test func negativeHistoryLimitOnASecondTurn() async throws {
        try await EmulatorHarness.withServer { client in
            let agent = try await AgentExecuteTests.agent(client)
            let first = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"Hi"}}"#)
            let (memory, _) = try AgentExecuteTests.ids(first)
            let negative = try await client.call(
                .post, "/_plugins/_ml/agents/\(agent)/_execute",
                #"{"parameters":{"question":"Again","memory_id":"\#(memory)","message_history_limit":"-1"}}"#)
            #expect(negative.status == 400)
            #expect(negative.body == #"{"status":400,"error":{"type":"IllegalArgumentException","reason":"Invalid Request","details":"[size] parameter cannot be negative, found [-1]"}}"#)
            let text = try await client.call(
                .post, "/_plugins/_ml/agents/\(agent)/_execute",
                #"{"parameters":{"question":"Again","memory_id":"\#(memory)","message_history_limit":"abc"}}"#)
            #expect(text.body == #"{"status":400,"error":{"type":"NumberFormatException","reason":"Invalid Request","details":"For input string: \"abc\""}}"#)
            try await Self.stillServing(client)
        }
    }

    @Test func deepResponseFilterIsRefusedNotOverflowed() async throws {
        try await EmulatorHarness.withServer { client in
            let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
            let filter = "$" + String(repeating: "[0]", count: 50_000)
            let reply = try await client.call(
                .post, "/_plugins/_ml/models/\(model)/_predict",
                #"{"parameters":{"messages":[{"role":"user","content":"hi"}],"response_filter":"\#(filter)"}}"#)
            #expect(reply.body == #"{"error":{"root_cause":[{"type":"m_l_exception","reason":"Fail to execute predict in aws connector"}],"type":"m_l_exception","reason":"Fail to execute predict in aws connector","caused_by":{"type":"unsupported_operation_exception","reason":"Paths of more than 512 steps are not supported"}},"status":500}"#)
            try await Self.stillServing(client)
        }
    }

    @Test func doublingTemplateParametersHitTheCap() async throws {
        try await EmulatorHarness.withServer { client in
            let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
            var parameters = [#""p30":"x""#]
            for level in 0..<30 { parameters.append(#""p\#(level)":"${parameters.p\#(level + 1)}${parameters.p\#(level + 1)}""#) }
            parameters.append(#""messages":"[{\"role\":\"user\",\"content\":\"${parameters.p0}\"}]""#)
            let reply = try await client.call(.post, "/_plugins/_ml/models/\(model)/_predict", #"{"parameters":{\#(parameters.joined(separator: ","))}}"#)
            #expect(reply.body == envelope(
                "illegal_argument_exception",
                "Property interpolation produced more than 4194304 characters; check for parameters that expand into other parameters",
                status: 400))
            try await Self.stillServing(client)
        }
    }

    @Test func aWideDocumentIsRefusedAndLaterWritesWork() async throws {
        try await EmulatorHarness.withServer { client in
            let wide = "{" + (0..<20_000).map { #""f\#($0)":\#($0)"# }.joined(separator: ",") + "}"
            #expect(try await client.call(.put, "/wide/_doc/1", wide).body
                == envelope("illegal_argument_exception", "Limit of total fields [1000] has been exceeded", status: 400))
            let empties = #"{"a":["# + Array(repeating: "{}", count: 80_000).joined(separator: ",") + "]}"
            #expect(try await client.call(.put, "/wide/_doc/2", empties).status == 201)
            #expect(try await client.call(.put, "/wide/_doc/3", #"{"b":"c"}"#).status == 201)
            var deep = "1"
            for _ in 0..<25 { deep = #"{"o":\#(deep)}"# }
            #expect(try await client.call(.put, "/deep/_doc/1", deep).body
                == envelope(
                    "illegal_argument_exception",
                    "Limit of mapping depth [20] has been exceeded due to object field [" + Array(repeating: "o", count: 20).joined(separator: ".") + "]",
                    status: 400))
            try await Self.stillServing(client)
        }
    }

    @Test func idsAndIndexNamesTheStoreCannotHoldAreRefusedAs400() async throws {
        try await EmulatorHarness.withServer { client in
            let long = String(repeating: "a", count: 513)
            #expect(try await client.call(.put, "/i/_doc/\(long)", #"{"a":1}"#).body
                == envelope(
                    "action_request_validation_exception",
                    "Validation Failed: 1: id [\(long)] is too long, must be no longer than 512 bytes but was: 513;", status: 400))
            let multibyte = String(repeating: "%C3%A9", count: 257)
            #expect(try await client.call(.put, "/i/_doc/\(multibyte)", #"{"a":1}"#).status == 400)
            #expect(try await client.call(.put, "/i/_doc/%00a", #"{"a":1}"#).status == 400)
            let nul = try await client.call(.put, "/a%00b/_doc/1", #"{"a":1}"#)
            #expect(nul.status == 400)
            #expect(try nul.json["error"]?["type"] == "invalid_index_name_exception")
            #expect(try await client.call(.get, "/_cat/indices").status == 200)
            try await Self.stillServing(client)
        }
    }

    @Test func catastrophicPatternsRunInLinearTime() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/__emulator/mock-llm/script", #"""
                {"rules":[{"match":{"last_user_message":"(a+)+$"},"reply":{"text":"matched"}}]}
                """#)
            let connectorID = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connectorID), field: "model_id")
            func answer(_ text: String) async throws -> JSONValue? {
                try await ask(text).json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first?["dataAsMap"]?["response"]
            }
            func ask(_ text: String) async throws -> Reply {
                try await client.call(
                    .post, "/_plugins/_ml/models/\(model)/_predict",
                    #"{"parameters":{"response_filter":"$.choices[0].message.content","messages":[{"role":"user","content":"\#(text)"}]}}"#)
            }
            let hostile = String(repeating: "a", count: 40) + "!"
            #expect(try await answer(hostile) == .string("Mock reply to: \(hostile)"))
            #expect(try await answer("aaaa") == "matched")

            // While such requests run, the health check answers at once.
            let port = try #require(client.client.port)
            let latencies = try await withThrowingTaskGroup(of: Duration?.self) { group in
                for _ in 0..<8 { group.addTask { _ = try await ask(hostile); return nil } }
                group.addTask {
                    var measured: [Duration] = []
                    for _ in 0..<10 {
                        let start = ContinuousClock.now
                        let health = try await HTTPClient.shared.execute(
                            HTTPClientRequest(url: "http://127.0.0.1:\(port)/__emulator/health"), timeout: .seconds(10))
                        #expect(health.status == .ok)
                        measured.append(ContinuousClock.now - start)
                    }
                    return measured.sorted()[measured.count / 2]
                }
                return try await group.reduce(into: [Duration]()) { if let median = $1 { $0.append(median) } }
            }
            // A backtracking engine holds these for minutes; a second leaves room for a machine busy with the suite.
            #expect(try #require(latencies.first) < .seconds(1))
        }
    }

    @Test func backtrackingOnlyPatternsAreRefusedWithAReason() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.put, "/__emulator/mock-llm/script", #"{"rules":[{"match":{"last_user_message":"(a)\\1"},"reply":{"text":"x"}}]}"#)
            #expect(reply.status == 400)
            #expect(try reply.json["error"]?["reason"]?.stringValue?.contains("backreferences are not supported") == true, "\(reply.body)")
            try await client.call(.put, "/_cluster/settings", #"{"persistent":{"plugins.ml_commons.trusted_connector_endpoints_regex":["^https://(a+)+\\.example$"]}}"#)
            let connector = Fixture.openAIConnector.replacingAll("https://${parameters.endpoint}/v1/chat/completions", with: "https://" + String(repeating: "a", count: 40) + "!.example")
            #expect(try await client.call(.post, "/_plugins/_ml/connectors/_create", connector).body
                == envelope("illegal_argument_exception", "Connector URL is not matching the trusted connector endpoint regex", status: 400))
            try await Self.stillServing(client)
        }
    }
}
