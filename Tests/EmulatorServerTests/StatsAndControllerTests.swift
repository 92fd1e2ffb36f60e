import EmulatorServer
import MLCommonsCore
import Testing

@Suite("Stats that count, and model controllers")
struct StatsAndControllerTests {
    @Test func statsCountRegistersDeploysAndPredicts() async throws {
        try await EmulatorHarness.withServer { client in
            #expect(try await client.call(.get, "/_plugins/_ml/stats/ml_model_index_status").body == #"{"ml_model_index_status":"non-existent"}"#)
            let modelID = try await LocalModelLifecycleTests.deployed(client)
            try await client.call(.post, "/_plugins/_ml/models/\(modelID)/_predict", #"{"text_docs":["a"]}"#)
            try await client.call(.post, "/_plugins/_ml/models/\(modelID)/_predict", #"{"text_docs":["b"]}"#)
            let stats = try await client.call(.get, "/_plugins/_ml/stats").json
            #expect(stats["ml_model_index_status"] == "green" && stats["ml_connector_index_status"] == "non-existent")
            // Chunk documents are not models.
            #expect(stats["ml_model_count"] == 1)
            let node = try #require(LocalModelLifecycleTests.onlyNode(stats["nodes"]))
            #expect(node["ml_request_count"] == 4)
            #expect(node["ml_deployed_model_count"] == 1)
            #expect(node["algorithms"]?["text_embedding"]?["predict"]?["ml_action_request_count"] == 2)
            #expect(node["models"]?[modelID]?["deploy"]?["ml_action_request_count"] == 1)
            let nodeLevel = try await client.call(.get, "/_plugins/_ml/_all/stats/ml_deployed_model_count").json
            #expect(LocalModelLifecycleTests.onlyNode(nodeLevel["nodes"])?.objectValue?.keys == ["ml_deployed_model_count", "algorithms", "models"])
        }
    }

    @Test func controllersAreStoredMergedAndRemoved() async throws {
        try await EmulatorHarness.withServer { client in
            let modelID = try await LocalModelLifecycleTests.deployed(client)
            let limiter = #"{"user_rate_limiter":{"user1":{"limit":4,"unit":"MINUTES"},"user2":{"limit":4,"unit":"MINUTES"}}}"#
            #expect(try await client.call(.post, "/_plugins/_ml/controllers/\(modelID)", limiter).body
                == #"{"model_id":"\#(modelID)","status":"CREATED"}"#)
            #expect(try await client.call(.get, "/_plugins/_ml/models/\(modelID)").json["is_controller_enabled"] == true)
            let update = #"{"user_rate_limiter":{"user1":{"limit":6}}}"#
            #expect(try await client.call(.put, "/_plugins/_ml/controllers/\(modelID)", update).json["result"] == "updated")
            #expect(try await client.call(.put, "/_plugins/_ml/controllers/\(modelID)", update).json["result"] == "noop")
            #expect(try await client.call(.get, "/_plugins/_ml/controllers/\(modelID)").body
                == #"{"model_id":"\#(modelID)","user_rate_limiter":{"user1":{"limit":"6","unit":"MINUTES"},"user2":{"limit":"4","unit":"MINUTES"}}}"#)
            #expect(try await client.call(.post, "/_plugins/_ml/controllers/\(modelID)", #"{"user_rate_limiter":{"u":{"limit":-1}}}"#).body
                == envelope("parse_exception", "Limit field must be a positive number.", status: 400))
            #expect(try await client.call(.delete, "/_plugins/_ml/controllers/\(modelID)").json["result"] == "deleted")
            #expect(try await client.call(.get, "/_plugins/_ml/models/\(modelID)").json["is_controller_enabled"] == false)
            #expect(try await client.call(.delete, "/_plugins/_ml/controllers/\(modelID)").status == 404)
        }
    }
}
