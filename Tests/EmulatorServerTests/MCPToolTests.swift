import Foundation
import MLCommonsCore
import Testing

/// Agents with `mcp_connectors`: the emulator's MCP client against its own MCP server on loopback, over both
/// transports, as ml-commons 3.3's Java client speaks (its initialize, ids, doubles) and formats results.
@Suite("MCP tools")
struct MCPToolTests {
    /// Lets MCP connectors be created and point at this server.
    static func allowMCP(_ client: EmulatorClient, port: Int) async throws {
        let reply = try await client.call(.put, "/_cluster/settings", #"""
            {"persistent":{"plugins.ml_commons.mcp_connector_enabled":true,
            "plugins.ml_commons.trusted_connector_endpoints_regex":["^http://127\\.0\\.0\\.1:\#(port)$","^https://api\\.openai\\.com/.*$"]}}
            """#)
        #expect(reply.status == 200, "\(reply.body)")
    }

    static func connector(_ client: EmulatorClient, port: Int, sse: Bool) async throws -> String {
        let transport = sse
            ? #""protocol":"mcp_sse","parameters":{"sse_endpoint":"/__emulator/mcp/sse"}"#
            : #""protocol":"mcp_streamable_http","parameters":{"endpoint":"/__emulator/mcp"}"#
        return try await client.id(.post, "/_plugins/_ml/connectors/_create", #"""
            {"name":"mcp","version":1,\#(transport),"url":"http://127.0.0.1:\#(port)",
            "credential":{"key":"s3cret"},"headers":{"Authorization":"Bearer ${credential.key}"}}
            """#, field: "connector_id")
    }

    /// A function-calling agent with no tools of its own and one MCP connector.
    static func agent(_ client: EmulatorClient, connector: String, filters: String = #"["add","echo"]"#) async throws -> String {
        let model = try await client.id(.post, "/_plugins/_ml/models/_register",
            #"{"name":"gpt","function_name":"remote","connector":\#(Fixture.request("create-openai-agent-connector"))}"#, field: "model_id")
        return try await client.id(.post, "/_plugins/_ml/agents/_register", #"""
            {"name":"mcp agent","type":"conversational",
            "llm":{"model_id":"\#(model)","parameters":{"prompt":"${parameters.question}","system_prompt":"You add."}},
            "memory":{"type":"conversation_index"},
            "parameters":{"_llm_interface":"openai/v1/chat/completions","mcp_connectors":[{"mcp_connector_id":"\#(connector)","tool_filters":\#(filters)}]},
            "tools":[]}
            """#, field: "agent_id")
    }

    static let script = #"""
        {"rules":[
          {"match":{"last_user_message":"add","tool_result_present":false},"reply":{"tool_call":{"name":"add","arguments":{"a":2,"b":3}}}},
          {"match":{"tool_result_present":true},"reply":{"text":"The sum is {{tool_result}}"}}]}
        """#

    /// The answer of the docs' kind of run: the LLM calls the MCP tool, the result goes back to it.
    static func run(_ client: EmulatorClient, agent: String) async throws -> (answer: String?, calls: [JSONValue]) {
        #expect(try await client.call(.put, "/__emulator/mock-llm/script", script).status == 200)
        _ = try await client.call(.delete, "/__emulator/outbound")
        let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"Please add 2 and 3"}}"#)
        #expect(reply.status == 200, "\(reply.body)")
        let answer = try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.last?["dataAsMap"]?["response"]?.stringValue
        let calls = try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue ?? []
        return (answer, calls)
    }

    @Test(arguments: [false, true])
    func anAgentCallsAnMCPTool(sse: Bool) async throws {
        try await EmulatorHarness.withServer { client in
            let port = try #require(client.client.port)
            try await Self.allowMCP(client, port: port)
            let connector = try await Self.connector(client, port: port, sse: sse)
            let agent = try await Self.agent(client, connector: connector)
            let (answer, calls) = try await Self.run(client, agent: agent)
            // 3.3 writes the SDK's content records with gson.
            #expect(answer == #"The sum is [{"annotations":null,"text":"5","meta":null}]"#)

            let mcp = calls.filter { $0["url"]?.stringValue?.hasPrefix("http://127.0.0.1") == true }
            let bodies = mcp.compactMap { $0["body"]?.stringValue }.filter { !$0.isEmpty }
            let version = sse ? "2024-11-05" : "2025-03-26"
            let prefix = try #require(bodies.first.flatMap { try? JSONParser.parse($0)["id"]?.stringValue }?.dropLast(2))
            #expect(prefix.count == 8)
            #expect(bodies == [
                #"{"jsonrpc":"2.0","method":"initialize","id":"\#(prefix)-0","params":{"protocolVersion":"\#(version)","capabilities":{"roots":{"listChanged":false}},"clientInfo":{"name":"Java SDK MCP Client","version":"1.0.0"}}}"#,
                #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
                #"{"jsonrpc":"2.0","method":"tools/list","id":"\#(prefix)-1","params":{}}"#,
                // gson read the LLM's integers as doubles.
                #"{"jsonrpc":"2.0","method":"tools/call","id":"\#(prefix)-2","params":{"name":"add","arguments":{"a":2.0,"b":3.0}}}"#,
            ])
            #expect(mcp.allSatisfy { call in
                (call["headers"]?.objectValue?.contains { $0.key.lowercased() == "authorization" } ?? false)
            })

            // The LLM was offered the MCP tools with their schemas as function definitions.
            let first = try #require(calls.first { $0["url"]?.stringValue?.contains("openai") == true }?["body"]?.stringValue)
            #expect(first.contains(#"{"type": "function", "function": { "name": "add", "description": "Adds two numbers.", "parameters": {"type":"object","properties":{"a":{"type":"number","description":"The first number."},"b":{"type":"number","description":"The second number."}},"required":["a","b"]}, "strict": false } }"#))
        }
    }

    /// From 3.5 Jackson writes the content: absent fields left out.
    @Test func resultsFrom35AreWrittenByJackson() async throws {
        try await EmulatorHarness.withServer(configure: { $0.opensearchVersion = .v3_5_0 }) { client in
            let port = try #require(client.client.port)
            try await Self.allowMCP(client, port: port)
            let agent = try await Self.agent(client, connector: try await Self.connector(client, port: port, sse: false))
            #expect(try await Self.run(client, agent: agent).answer == #"The sum is [{"text":"5"}]"#)
        }
    }

    /// `tool_filters` match whole names; a tool no filter matches is not offered, and the LLM's calls of it find no
    /// tool (no result goes back, so it asks again until `max_iteration`).
    @Test func filtersMatchWholeNames() async throws {
        try await EmulatorHarness.withServer { client in
            let port = try #require(client.client.port)
            try await Self.allowMCP(client, port: port)
            let agent = try await Self.agent(client, connector: try await Self.connector(client, port: port, sse: false), filters: #"["ad","echo"]"#)
            let (answer, calls) = try await Self.run(client, agent: agent)
            #expect(answer == "Agent reached maximum iterations (10) without completing the task")
            let first = try #require(calls.first { $0["url"]?.stringValue?.contains("openai") == true }?["body"]?.stringValue)
            #expect(first.contains(#""name": "echo""#) && !first.contains(#""name": "add""#))
        }
    }

    /// A connector whose server cannot be reached offers no tools; the run goes on without them.
    @Test func anUnreachableServerOffersNothing() async throws {
        try await EmulatorHarness.withServer { client in
            let port = try #require(client.client.port)
            try await Self.allowMCP(client, port: port)
            let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", #"""
                {"name":"mcp","version":1,"protocol":"mcp_streamable_http","url":"http://127.0.0.1:\#(port)","parameters":{"endpoint":"/nowhere"}}
                """#, field: "connector_id")
            let agent = try await Self.agent(client, connector: connector)
            let (answer, calls) = try await Self.run(client, agent: agent)
            #expect(answer == "Agent reached maximum iterations (10) without completing the task")
            #expect(calls.first?["status"] == 405)
        }
    }

    /// The flag gates `mcp_sse` connectors (not streamable ones), agents that name connectors, and their runs.
    @Test func theFlagGatesSSEConnectorsAndAgentRuns() async throws {
        try await EmulatorHarness.withServer { client in
            let port = try #require(client.client.port)
            let disabled = #"{"error":{"root_cause":[{"type":"exception","reason":"The MCP connector is not enabled. To enable, please update the setting plugins.ml_commons.mcp_connector_enabled"}],"type":"exception","reason":"The MCP connector is not enabled. To enable, please update the setting plugins.ml_commons.mcp_connector_enabled"},"status":500}"#
            let sse = try await client.call(.post, "/_plugins/_ml/connectors/_create",
                #"{"name":"mcp","version":1,"protocol":"mcp_sse","url":"http://127.0.0.1:\#(port)"}"#)
            #expect(sse.body == disabled)
            let blank = try await client.call(.post, "/_plugins/_ml/connectors/_create",
                #"{"name":"mcp","version":1,"protocol":"mcp_streamable_http","url":" "}"#)
            #expect(blank.body == envelope("illegal_argument_exception", "MCP Connector url is null or blank", status: 400))

            try await Self.allowMCP(client, port: port)
            let agent = try await Self.agent(client, connector: try await Self.connector(client, port: port, sse: false))
            let sseConnector = try await Self.connector(client, port: port, sse: true)
            let connector = try await client.call(.get, "/_plugins/_ml/connectors/\(sseConnector)").json
            let model = try await client.call(.post, "/_plugins/_ml/models/_register",
                #"{"name":"m","function_name":"remote","connector_id":"\#(sseConnector)"}"#)
            #expect(model.body == envelope("illegal_argument_exception", "Cannot Create a Model from MCP Connector: \(sseConnector)", status: 400))
            #expect(connector.objectValue?.keys.map { $0 } == [
                "name", "version", "protocol", "created_time", "last_updated_time", "url", "headers", "parameters",
            ])
            _ = try await client.call(.put, "/_cluster/settings", #"{"persistent":{"plugins.ml_commons.mcp_connector_enabled":false}}"#)
            let run = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"add"}}"#)
            #expect(run.status == 500)
            #expect(run.body == #"{"status":500,"error":{"type":"OpenSearchException","reason":"System Error","details":"The MCP connector is not enabled. To enable, please update the setting plugins.ml_commons.mcp_connector_enabled"}}"#)
        }
    }
}
