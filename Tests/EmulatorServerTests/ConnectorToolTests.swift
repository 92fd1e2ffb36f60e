import MLCommonsCore
import Testing

/// `ConnectorTool`: a connector's `execute` action run as a tool, its whole `ModelTensorOutput` the result.
@Suite("ConnectorTool")
struct ConnectorToolTests {
    /// An `execute` action on OpenAI's host (the mock answers it), the question as the user message.
    static func connector(_ client: EmulatorClient, actionType: String = "execute") async throws -> String {
        try await client.id(.post, "/_plugins/_ml/connectors/_create", #"""
            {"name":"service","version":1,"protocol":"http","parameters":{"model":"gpt-4o"},"credential":{"key":"k"},
            "actions":[{"action_type":"\#(actionType)","method":"POST","url":"https://api.openai.com/v1/chat/completions",
            "headers":{"Authorization":"Bearer ${credential.key}"},
            "request_body":"{\"model\":\"${parameters.model}\",\"messages\":[{\"role\":\"user\",\"content\":\"${parameters.question}\"}]}"}]}
            """#, field: "connector_id")
    }

    @Test func theExecuteToolAPIAnswersWithTheConnectorsTensors() async throws {
        try await EmulatorHarness.withServer { client in
            let connector = try await Self.connector(client)
            let filtered = try await client.call(.post, "/_plugins/_ml/tools/_execute/ConnectorTool",
                #"{"parameters":{"connector_id":"\#(connector)","question":"Hi there","response_filter":"$.choices[0].message.content"}}"#)
            #expect(filtered.body == #"{"inference_results":[{"output":[{"name":"response","dataAsMap":{"response":"Mock reply to: Hi there"}}]}]}"#)

            // Without a filter the whole answer is read by gson: its numbers come back as doubles.
            let whole = try await client.call(.post, "/_plugins/_ml/tools/_execute/ConnectorTool",
                #"{"parameters":{"connector_id":"\#(connector)","question":"Hi"}}"#)
            let usage = try whole.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first?["dataAsMap"]?["usage"]
            #expect(usage?["total_tokens"]?.numberValue?.text.hasSuffix(".0") == true)

            #expect(try await client.call(.post, "/_plugins/_ml/tools/_execute/ConnectorTool", #"{"parameters":{"question":"Hi"}}"#).body
                == ToolExecuteTests.failure(400, "IllegalArgumentException", "Connector ID can't be null or empty"))
            let predictOnly = try await Self.connector(client, actionType: "predict")
            #expect(try await client.call(.post, "/_plugins/_ml/tools/_execute/ConnectorTool",
                #"{"parameters":{"connector_id":"\#(predictOnly)","question":"Hi"}}"#).body
                == ToolExecuteTests.failure(400, "IllegalArgumentException", "no EXECUTE action found"))
            #expect(try await client.call(.post, "/_plugins/_ml/tools/_execute/ConnectorTool",
                #"{"parameters":{"connector_id":"nope","question":"Hi"}}"#).body
                == ToolExecuteTests.failure(404, "OpenSearchStatusException", "Failed to find connector:nope"))
        }
    }

    /// In a flow ConnectorTool's tensors are the answer as they are; a later tool reads an earlier one's text output
    /// escaped (`prepareJsonValue`), so it fits in a JSON string of its request.
    @Test func aFlowPassesOutputsOn() async throws {
        try await EmulatorHarness.withServer { client in
            let connector = try await Self.connector(client)
            let model = try await client.id(.post, "/_plugins/_ml/models/_register",
                #"{"name":"gpt","function_name":"remote","connector":\#(Fixture.openAIConnector)}"#, field: "model_id")
            let agent = try await client.id(.post, "/_plugins/_ml/agents/_register", #"""
                {"name":"flow","type":"flow","tools":[
                  {"type":"ConnectorTool","include_output_in_agent_response":true,
                   "parameters":{"connector_id":"\#(connector)","response_filter":"$.choices[0].message.content"}},
                  {"type":"ListIndexTool"},
                  {"type":"MLModelTool","parameters":{"model_id":"\#(model)","messages":"[{\"role\":\"user\",\"content\":\"${parameters.ListIndexTool.output}\"}]"}}]}
                """#, field: "agent_id")
            _ = try await client.call(.delete, "/__emulator/outbound")
            let reply = try await client.call(.post, "/_plugins/_ml/agents/\(agent)/_execute", #"{"parameters":{"question":"Hello"}}"#)
            #expect(reply.status == 200, "\(reply.body)")
            let output = try #require(try reply.json["inference_results"]?.arrayValue?.first?["output"]?.arrayValue)
            #expect(output.first == ["name": "response", "dataAsMap": ["response": "Mock reply to: Hello"]])
            #expect(output.last?["name"] == "MLModelTool")
            let calls = try #require(try await client.call(.get, "/__emulator/outbound").json["calls"]?.arrayValue)
            let second = try #require(calls.last?["body"]?.stringValue)
            #expect(second.contains(#"[{"role":"user","content":"row,health,status,index,uuid,pri(number of primary shards),"#))
            #expect(second.contains(#"\n"#))
        }
    }
}
