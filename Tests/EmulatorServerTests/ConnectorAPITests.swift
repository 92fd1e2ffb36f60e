import MLCommonsCore
import Testing

@Suite("Connector APIs")
struct ConnectorAPITests {
    @Test func createGetSearchUpdateDelete() async throws {
        try await EmulatorHarness.withServer { client in
            let id = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            #expect(id.count == 20)

            let get = try await client.call(.get, "/_plugins/_ml/connectors/\(id)")
            #expect(get.status == 200)
            let connector = try get.json
            #expect(connector.objectValue?.keys == ["name", "version", "description", "protocol", "parameters", "actions", "created_time", "last_updated_time"])
            #expect(connector["version"] == "1")
            #expect(connector["actions"]?.arrayValue?.first?["action_type"] == "PREDICT")

            let search = try await client.call(.post, "/_plugins/_ml/connectors/_search", #"{"query":{"term":{"name.keyword":"OpenAI Chat Connector"}}}"#)
            #expect(try search.json["hits"]?["total"]?["value"] == 1)
            #expect(try search.json["hits"]?["hits"]?.arrayValue?.first?["_source"]?["credential"] == nil)

            let update = try await client.call(.put, "/_plugins/_ml/connectors/\(id)", #"{"description":"changed","parameters":{"temperature":0.0001}}"#)
            #expect(update.status == 200)
            #expect(update.body.hasPrefix(#"{"_index":".plugins-ml-connector","_id":"\#(id)","_version":2,"result":"updated","forced_refresh":true,"_shards":{"total":1,"successful":1,"failed":0},"_seq_no":"#))
            let updated = try await client.call(.get, "/_plugins/_ml/connectors/\(id)").json
            #expect(updated["description"] == "changed")
            #expect(updated["parameters"] == ["endpoint": "api.openai.com", "model": "gpt-3.5-turbo", "temperature": "1.0E-4"])

            let delete = try await client.call(.delete, "/_plugins/_ml/connectors/\(id)")
            #expect(delete.body.contains(#""result":"deleted","forced_refresh":true"#))
            let again = try await client.call(.delete, "/_plugins/_ml/connectors/\(id)")
            #expect(again.status == 200)
            #expect(again.body.contains(#""result":"not_found""#))
        }
    }

    @Test func bedrockConnectorIsReturnedWithoutCredential() async throws {
        try await EmulatorHarness.withServer { client in
            let id = try await client.id(
                .post, "/_plugins/_ml/connectors/_create", Fixture.request("create-bedrock-connector"), field: "connector_id")
            let reply = try await client.call(.get, "/_plugins/_ml/connectors/\(id)")
            #expect(try reply.json["protocol"] == "aws_sigv4")
            #expect(try reply.json["parameters"]?["model"] == "anthropic.claude-3-sonnet-20240229-v1:0")
            #expect(!reply.body.contains("AKIDEXAMPLE"))
            #expect(!reply.body.contains("\"credential\""))
        }
    }

    @Test func unknownConnectorBeforeAndAfterTheIndexExists() async throws {
        try await EmulatorHarness.withServer { client in
            let early = try await client.call(.get, "/_plugins/_ml/connectors/nope")
            #expect(early.status == 404)
            #expect(early.body == envelope("status_exception", "Failed to find connector", status: 404))
            try await client.call(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector)
            let late = try await client.call(.get, "/_plugins/_ml/connectors/nope")
            #expect(late.body == envelope("status_exception", "Failed to find connector with the provided connector id: nope", status: 404))
        }
    }

    @Test func urlOutsideTheTrustedListIsRejected() async throws {
        try await EmulatorHarness.withServer { client in
            let body = Fixture.openAIConnector.replacingAll("https://${parameters.endpoint}", with: "http://127.0.0.1:8080")
            let reply = try await client.call(.post, "/_plugins/_ml/connectors/_create", body)
            #expect(reply.status == 400)
            #expect(reply.body == envelope(
                "illegal_argument_exception", "Connector URL is not matching the trusted connector endpoint regex", status: 400))
        }
    }

    @Test func validationMessages() async throws {
        try await EmulatorHarness.withServer { client in
            let cases: [(String, String)] = [
                (#"{"version":1,"protocol":"http"}"#, "Connector name is null"),
                (#"{"name":"a","protocol":"http"}"#, "Connector version is null"),
                (#"{"name":"a","version":"1"}"#, "Connector protocol is null"),
                (#"{"name":"a","version":"1","protocol":"ftp","credential":{"k":"v"}}"#,
                 "Unsupported connector protocol. Please use one of [aws_sigv4, http, mcp_sse, mcp_streamable_http]"),
                (#"{"name":"a","version":"1","protocol":"http"}"#, "Connector credential is null or empty list"),
                (#"{"name":"a","version":"1","protocol":"http","credential":{"k":"v"},"actions":[{"method":"POST","url":"https://api.openai.com/x"}]}"#,
                 "action type can't be null"),
                (#"{"name":"a","version":"1","protocol":"aws_sigv4","credential":{"access_key":"a","secret_key":"b"},"parameters":{"region":"us-east-1"}}"#,
                 "Missing service name"),
            ]
            for (body, message) in cases {
                let reply = try await client.call(.post, "/_plugins/_ml/connectors/_create", body)
                #expect(reply.body == envelope("illegal_argument_exception", message, status: 400), "\(body)")
            }
            let empty = try await client.call(.post, "/_plugins/_ml/connectors/_create")
            #expect(empty.body == envelope("i_o_exception", "Create Connector request has empty body", status: 500))
        }
    }

    @Test func deleteIsRefusedWhileAModelUsesTheConnector() async throws {
        try await EmulatorHarness.withServer { client in
            let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            let model = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connector), field: "model_id")
            let reply = try await client.call(.delete, "/_plugins/_ml/connectors/\(connector)")
            #expect(reply.status == 409)
            #expect(reply.body == envelope(
                "status_exception",
                "1 models are still using this connector, please delete or update the models first: [\(model)]", status: 409))
            try await client.call(.post, "/_plugins/_ml/models/\(model)/_deploy")
            let update = try await client.call(.put, "/_plugins/_ml/connectors/\(connector)", #"{"description":"x"}"#)
            #expect(update.body == envelope(
                "status_exception",
                "1 models are still using this connector, please undeploy the models first: [\(model)]", status: 400))
        }
    }
}

/// The ml search APIs take the search from the body alone; URL parameters other than the global ones are refused.
@Suite("ml search URL parameters")
struct MLSearchParameterTests {
    @Test func sizeInTheURLIsUnrecognized() async throws {
        try await EmulatorHarness.withServer { client in
            let sized = try await client.call(.get, "/_plugins/_ml/connectors/_search?size=5")
            #expect(sized.body == envelope(
                "illegal_argument_exception", "request [/_plugins/_ml/connectors/_search] contains unrecognized parameter: [size]", status: 400))
            #expect(try await client.call(.post, "/_plugins/_ml/models/_search?pretty=false", #"{"query":{"match_all":{}}}"#).status == 200)
        }
    }
}
