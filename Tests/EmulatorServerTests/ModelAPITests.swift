import MLCommonsCore
import Testing

@Suite("Model, model group and task APIs")
struct ModelAPITests {
    @Test func registerRemoteModelCreatesGroupTaskAndModel() async throws {
        try await EmulatorHarness.withServer { client in
            let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            let register = try await client.call(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connector))
            let answer = try register.json
            #expect(answer.objectValue?.keys == ["task_id", "status", "model_id"])
            #expect(answer["status"] == "CREATED")
            let modelID = try #require(answer["model_id"]?.stringValue)
            let taskID = try #require(answer["task_id"]?.stringValue)

            let model = try await client.call(.get, "/_plugins/_ml/models/\(modelID)").json
            #expect(model.objectValue?.keys == ["name", "model_group_id", "algorithm", "model_version", "description", "model_state", "created_time", "last_updated_time", "is_hidden", "connector_id"])
            #expect(model["algorithm"] == "REMOTE")
            #expect(model["model_state"] == "REGISTERED")
            #expect(model["model_version"] == "1")

            let groupID = try #require(model["model_group_id"]?.stringValue)
            let group = try await client.call(.get, "/_plugins/_ml/model_groups/\(groupID)").json
            #expect(group.objectValue?.keys == ["name", "latest_version", "description", "access", "created_time", "last_updated_time"])
            #expect(group["latest_version"] == 1)
            #expect(group["access"] == "public")

            let task = try await client.call(.get, "/_plugins/_ml/tasks/\(taskID)").json
            #expect(task.objectValue?.keys == ["model_id", "task_type", "function_name", "state", "worker_node", "create_time", "last_update_time", "is_async"])
            #expect(task["state"] == "COMPLETED")
            #expect(task["task_type"] == "REGISTER_MODEL")

            let second = try await client.call(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connector)).json
            let secondModel = try await client.call(.get, "/_plugins/_ml/models/\(second["model_id"]?.stringValue ?? "")").json
            #expect(secondModel["model_version"] == "2")
            #expect(secondModel["model_group_id"]?.stringValue == groupID)
        }
    }

    @Test func deployUndeployAndDeleteRules() async throws {
        try await EmulatorHarness.withServer { client in
            let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            let modelID = try await client.id(.post, "/_plugins/_ml/models/_register?deploy=true", Fixture.remoteModel(connectorID: connector), field: "model_id")
            let model = try await client.call(.get, "/_plugins/_ml/models/\(modelID)").json
            #expect(model["model_state"] == "DEPLOYED")
            #expect(model["deploy_to_all_nodes"] == true)

            let delete = try await client.call(.delete, "/_plugins/_ml/models/\(modelID)")
            #expect(delete.body == envelope(
                "status_exception",
                "Model cannot be deleted in deploying or deployed state. Try undeploy model first then delete", status: 400))

            let undeploy = try await client.call(.post, "/_plugins/_ml/models/\(modelID)/_undeploy")
            let nodeStats = try #require(try undeploy.json.objectValue?.first(where: { _ in true })?.value)
            #expect(nodeStats == ["stats": [modelID: "undeployed"]])

            let deploy = try await client.call(.post, "/_plugins/_ml/models/\(modelID)/_deploy")
            #expect(try deploy.json["task_type"] == "DEPLOY_MODEL")
            #expect(try deploy.json["status"] == "COMPLETED")
            try await client.call(.post, "/_plugins/_ml/models/\(modelID)/_undeploy")
            #expect(try await client.call(.delete, "/_plugins/_ml/models/\(modelID)").body.contains(#""result":"deleted""#))
        }
    }

    @Test func updateModelAndBulkUndeploy() async throws {
        try await EmulatorHarness.withServer { client in
            let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            let modelID = try await client.id(.post, "/_plugins/_ml/models/_register?deploy=true", Fixture.remoteModel(connectorID: connector), field: "model_id")
            let update = try await client.call(.put, "/_plugins/_ml/models/\(modelID)", #"{"description":"renamed","rate_limiter":{"limit":"2","unit":"MINUTES"}}"#)
            #expect(update.body.contains(#""result":"updated""#))
            let model = try await client.call(.get, "/_plugins/_ml/models/\(modelID)").json
            #expect(model["description"] == "renamed")
            #expect(model["rate_limiter"] == ["limit": "2", "unit": "MINUTES"])
            #expect(try await client.call(.put, "/_plugins/_ml/models/nope", #"{"description":"x"}"#).body
                == envelope("status_exception", "Failed to find model to update with the provided model id: nope", status: 404))
            let undeploy = try await client.call(.post, "/_plugins/_ml/models/_undeploy", #"{"model_ids":["\#(modelID)"]}"#)
            #expect(try undeploy.json.objectValue?.first(where: { _ in true })?.value == ["stats": [modelID: "undeployed"]])
        }
    }

    @Test func inlineConnectorIsStoredWithoutReturningCredential() async throws {
        try await EmulatorHarness.withServer { client in
            let body = #"{"name":"inline","function_name":"remote","connector":\#(Fixture.openAIConnector)}"#
            let modelID = try await client.id(.post, "/_plugins/_ml/models/_register", body, field: "model_id")
            let model = try await client.call(.get, "/_plugins/_ml/models/\(modelID)")
            #expect(try model.json["connector"]?["name"] == "OpenAI Chat Connector")
            #expect(!model.body.contains("\"credential\":"))
            let search = try await client.call(.get, "/_plugins/_ml/models/_search")
            #expect(!search.body.contains("\"credential\":"))
            #expect(!search.body.contains("sk-test-secret"))
        }
    }

    @Test func unknownIdsAndMissingIndices() async throws {
        try await EmulatorHarness.withServer { client in
            #expect(try await client.call(.get, "/_plugins/_ml/models/nope").body
                == envelope("status_exception", "Fail to find model", status: 404))
            #expect(try await client.call(.get, "/_plugins/_ml/model_groups/nope").body
                == envelope("status_exception", "Failed to find model group index", status: 404))
            #expect(try await client.call(.get, "/_plugins/_ml/tasks/nope").body
                == envelope("status_exception", "Failed to find task", status: 404))
            let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            try await client.call(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connector))
            #expect(try await client.call(.get, "/_plugins/_ml/models/nope").body
                == envelope("status_exception", "Failed to find model with the provided model id: nope", status: 404))
            #expect(try await client.call(.get, "/_plugins/_ml/model_groups/nope").body
                == envelope("status_exception", "Failed to find model group with the provided model group id: nope", status: 404))
            #expect(try await client.call(.get, "/_plugins/_ml/tasks/nope").body
                == envelope("status_exception", "Failed to find task", status: 404))
            #expect(try await client.call(.post, "/_plugins/_ml/models/_register", #"{"function_name":"remote"}"#).body
                == envelope("illegal_argument_exception", "model name is null", status: 400))
        }
    }

    @Test func modelGroupLifecycle() async throws {
        try await EmulatorHarness.withServer { client in
            let register = try await client.call(.post, "/_plugins/_ml/model_groups/_register", #"{"name":"NLP_Group","description":"d"}"#)
            let id = try #require(try register.json["model_group_id"]?.stringValue)
            #expect(register.body == #"{"model_group_id":"\#(id)","status":"CREATED"}"#)
            let duplicate = try await client.call(.post, "/_plugins/_ml/model_groups/_register", #"{"name":"NLP_Group"}"#)
            #expect(duplicate.body == envelope(
                "illegal_argument_exception", "The name you provided is already being used by a model group with ID: \(id).", status: 400))
            #expect(try await client.call(.put, "/_plugins/_ml/model_groups/\(id)", #"{"description":"new"}"#).body == #"{"status":"Updated"}"#)
            #expect(try await client.call(.get, "/_plugins/_ml/model_groups/\(id)").json["description"] == "new")
            let search = try await client.call(.get, "/_plugins/_ml/model_groups/_search")
            #expect(try search.json["hits"]?["total"]?["value"] == 1)
            #expect(try await client.call(.delete, "/_plugins/_ml/model_groups/\(id)").body.contains(#""result":"deleted""#))
        }
    }

    @Test func taskSearchAndDelete() async throws {
        try await EmulatorHarness.withServer { client in
            let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            let taskID = try await client.id(.post, "/_plugins/_ml/models/_register", Fixture.remoteModel(connectorID: connector), field: "task_id")
            let search = try await client.call(.post, "/_plugins/_ml/tasks/_search", #"{"query":{"term":{"task_type":"REGISTER_MODEL"}}}"#)
            #expect(try search.json["hits"]?["hits"]?.arrayValue?.first?["_id"]?.stringValue == taskID)
            #expect(try await client.call(.delete, "/_plugins/_ml/tasks/\(taskID)").body.contains(#""result":"deleted""#))
        }
    }

    @Test func unsupportedQueryIsNamed() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.post, "/_plugins/_ml/models/_search", #"{"query":{"wildcard":{"name":"x*"}}}"#)
            #expect(reply.status == 400)
            #expect(reply.body.contains("[wildcard] query is not supported"))
        }
    }
}
