import EmulatorServer
import Foundation
import MLCommonsCore
import Testing
import WireFormats

@Suite("Local models: register, deploy, predict, and the task timing")
struct LocalModelLifecycleTests {
    static let miniLM = #"{"name":"huggingface/sentence-transformers/all-MiniLM-L6-v2","version":"1.0.1","model_format":"TORCH_SCRIPT"}"#

    static func task(_ client: EmulatorClient, _ id: String) async throws -> JSONValue {
        try await client.call(.get, "/_plugins/_ml/tasks/\(id)").json
    }

    /// Registers and deploys under instant timing; returns the model id.
    static func deployed(_ client: EmulatorClient, _ body: String = miniLM) async throws -> String {
        let taskID = try await client.id(.post, "/_plugins/_ml/models/_register", body, field: "task_id")
        let modelID = try #require(try await task(client, taskID)["model_id"]?.stringValue)
        _ = try await client.id(.post, "/_plugins/_ml/models/\(modelID)/_deploy", nil, field: "task_id")
        return modelID
    }

    @Test func pretrainedRegistrationWritesWhatMLCommonsWrites() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.post, "/_plugins/_ml/models/_register", Self.miniLM)
            let taskID = try #require(try reply.json["task_id"]?.stringValue)
            #expect(reply.body == #"{"task_id":"\#(taskID)","status":"CREATED"}"#)
            let task = try await Self.task(client, taskID)
            #expect(task.objectValue?.keys == ["model_id", "task_type", "function_name", "state", "worker_node", "create_time", "last_update_time", "is_async"])
            #expect(task["state"] == "COMPLETED" && task["is_async"] == true && task["task_type"] == "REGISTER_MODEL")
            let modelID = try #require(task["model_id"]?.stringValue)
            let model = try await client.call(.get, "/_plugins/_ml/models/\(modelID)").json
            #expect(model.objectValue?.keys == [
                "name", "model_group_id", "algorithm", "model_version", "model_format", "model_state",
                "model_content_size_in_bytes", "model_content_hash_value", "model_config", "created_time",
                "last_updated_time", "last_registered_time", "total_chunks", "is_hidden",
            ])
            #expect(model["model_version"] == "1" && model["model_state"] == "REGISTERED")
            #expect(model["model_content_hash_value"] == "c15f0d2e62d872be5b5bc6c84d2e0f4921541e29fefbef51d59cc10a8ae30e0f")
            #expect(model["model_config"]?["framework_type"] == "SENTENCE_TRANSFORMERS")
            // Its chunks are model documents of their own, and model search finds them too.
            #expect(try await client.call(.get, "/_plugins/_ml/models/\(modelID)_0").json["chunk_number"] == 0)
        }
    }

    @Test func aModelOutsideTheCatalogueFailsItsTask() async throws {
        try await EmulatorHarness.withServer { client in
            let taskID = try await client.id(
                .post, "/_plugins/_ml/models/_register", #"{"name":"test_kmeans_model","function_name":"KMEANS","model_format":"TORCH_SCRIPT"}"#,
                field: "task_id")
            let task = try await Self.task(client, taskID)
            #expect(task["state"] == "FAILED" && task["function_name"] == "KMEANS")
            #expect(task["error"] == "This model is not in the pre-trained model list, please check your parameters.")
        }
    }

    @Test func embeddingsHaveTheModelsShapeAndNoteTheirLatency() async throws {
        try await EmulatorHarness.withServer { client in
            let modelID = try await Self.deployed(client)
            let reply = try await client.call(
                .post, "/_plugins/_ml/_predict/text_embedding/\(modelID)", #"{"text_docs":["today is sunny","hi"],"target_response":["sentence_embedding"]}"#)
            let results = try #require(try reply.json["inference_results"]?.arrayValue)
            #expect(results.count == 2)
            let tensor = try #require(results[0]["output"]?.arrayValue?.first)
            #expect(tensor.objectValue?.keys == ["name", "data_type", "shape", "data"])
            #expect(tensor["shape"] == [384])
            let all = try await client.call(.post, "/_plugins/_ml/models/\(modelID)/_predict", #"{"text_docs":["hi"]}"#).json
            let outputs = all["inference_results"]?.arrayValue?.first?["output"]?.arrayValue ?? []
            let names = outputs.compactMap { $0["name"]?.stringValue }
            #expect(names == ["input_ids", "attention_mask", "token_embeddings", "sentence_embedding"])
            #expect(outputs.first?["data"]?.arrayValue?.first == 101)
            let profile = try await client.call(.get, "/_plugins/_ml/profile/models/\(modelID)").json
            let entry = Self.onlyNode(profile["nodes"])?["models"]?[modelID]
            #expect(entry?["model_state"] == "DEPLOYED")
            #expect(entry?["predictor"]?.stringValue?.hasPrefix("org.opensearch.ml.engine.algorithms.text_embedding.TextEmbeddingDenseModel@") == true)
            #expect(entry?["predict_request_stats"]?["count"] == 2)
        }
    }

    @Test func predictBeforeDeployAndDeleteWhileDeployedAreRefused() async throws {
        try await EmulatorHarness.withServer { client in
            let taskID = try await client.id(.post, "/_plugins/_ml/models/_register", Self.miniLM, field: "task_id")
            let modelID = try #require(try await Self.task(client, taskID)["model_id"]?.stringValue)
            #expect(try await client.call(.post, "/_plugins/_ml/models/\(modelID)/_predict", #"{"text_docs":["x"]}"#).body
                == envelope("illegal_argument_exception", "Model not ready yet. Please deploy the model first.", status: 400))
            try await client.call(.post, "/_plugins/_ml/models/\(modelID)/_deploy")
            #expect(try await client.call(.delete, "/_plugins/_ml/models/\(modelID)").status == 400)
            let undeployed = try await client.call(.post, "/_plugins/_ml/models/\(modelID)/_undeploy").json
            #expect(Self.onlyNode(undeployed)?["stats"]?[modelID] == "undeployed")
            #expect(try await client.call(.delete, "/_plugins/_ml/models/\(modelID)").json["result"] == "deleted")
            #expect(try await client.call(.get, "/_plugins/_ml/models/\(modelID)_0").status == 404)
        }
    }

    @Test func embeddingsAreTheSameAfterARestart() async throws {
        let (location, directory) = PersistenceTests.temporaryStore()
        defer { try? FileManager.default.removeItem(at: directory) }
        let body = #"{"text_docs":["The best selling book series in history is Harry Potter"],"target_response":["sentence_embedding"]}"#
        let (modelID, before) = try await EmulatorHarness.withServer(location) { client in
            let modelID = try await Self.deployed(client)
            return (modelID, try await client.call(.post, "/_plugins/_ml/models/\(modelID)/_predict", body).body)
        }
        let after = try await EmulatorHarness.withServer(location) { client in
            try await client.call(.post, "/_plugins/_ml/models/\(modelID)/_predict", body).body
        }
        #expect(after == before)
        #expect(before.contains("\"shape\":[384]"))
    }

    @Test func aURLModelIsDownloadedOverHTTPAndItsHashChecked() async throws {
        let zip = StoredZip.make([("model.pt", Array(repeating: 7, count: 4096)), ("tokenizer.json", Array("{}".utf8))])
        let hash = ContentDigest.sha256Hex(zip)
        let listener = try LoopbackListener.serving(zip)
        defer { listener.stop() }
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/_cluster/settings", #"{"transient":{"plugins.ml_commons.allow_registering_model_via_url":true}}"#)
            func register(_ hash: String) -> String {
                #"{"name":"tiny","version":"1.0.0","model_format":"TORCH_SCRIPT","model_content_hash_value":"\#(hash)","model_config":{"model_type":"bert","embedding_dimension":8,"framework_type":"sentence_transformers"},"url":"http://127.0.0.1:\#(listener.port)/tiny.zip"}"#
            }
            let good = try await client.id(.post, "/_plugins/_ml/models/_register", register(hash), field: "task_id")
            let task = try await Self.task(client, good)
            #expect(task["state"] == "COMPLETED", "\(task)")
            let model = try await client.call(.get, "/_plugins/_ml/models/\(task["model_id"]?.stringValue ?? "")").json
            #expect(model["model_content_size_in_bytes"] == .number(JSONNumber(zip.count)))
            #expect(model["model_content_hash_value"] == .string(hash))
            let bad = try await client.id(.post, "/_plugins/_ml/models/_register", register(String(repeating: "0", count: 64)), field: "task_id")
            #expect(try await Self.task(client, bad)["error"] == "model content changed")
        }
    }

    @Test func delayedTasksCompleteOnTheirOwnWhileClientsPoll() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/__emulator/tasks/timing", #"{"mode":"delay","delay_ms":200}"#)
            let taskID = try await client.id(.post, "/_plugins/_ml/models/_register", Self.miniLM, field: "task_id")
            let modelID = try await Self.poll(client, taskID)
            let deployTask = try await client.id(.post, "/_plugins/_ml/models/\(modelID)/_deploy", nil, field: "task_id")
            _ = try await Self.poll(client, deployTask)
            #expect(try await client.call(.get, "/_plugins/_ml/models/\(modelID)").json["model_state"] == "DEPLOYED")
        }
    }

    @Test func aHeldDeployShowsRunningAndDeployingUntilReleased() async throws {
        try await EmulatorHarness.withServer { client in
            let taskID = try await client.id(.post, "/_plugins/_ml/models/_register", Self.miniLM, field: "task_id")
            let modelID = try #require(try await Self.task(client, taskID)["model_id"]?.stringValue)
            try await client.call(.put, "/__emulator/tasks/timing", #"{"mode":"manual"}"#)
            let deployTask = try await client.id(.post, "/_plugins/_ml/models/\(modelID)/_deploy", nil, field: "task_id")
            #expect(try await Self.task(client, deployTask)["state"] == "RUNNING")
            #expect(try await client.call(.get, "/_plugins/_ml/models/\(modelID)").json["model_state"] == "DEPLOYING")
            #expect(try await client.call(.post, "/__emulator/tasks/_release").json["released"] == [.string(deployTask)])
            _ = try await Self.poll(client, deployTask)
            #expect(try await client.call(.get, "/_plugins/_ml/models/\(modelID)").json["model_state"] == "DEPLOYED")
        }
    }

    @Test func manualTasksWaitForTheirRelease() async throws {
        try await EmulatorHarness.withServer { client in
            // The profile answers `{}` until the model index exists, as ml-commons' does.
            _ = try await client.id(.post, "/_plugins/_ml/models/_register", Self.miniLM, field: "task_id")
            try await client.call(.put, "/__emulator/tasks/timing", #"{"mode":"manual"}"#)
            let taskID = try await client.id(.post, "/_plugins/_ml/models/_register", Self.miniLM, field: "task_id")
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await Self.task(client, taskID)["state"] == "CREATED")
            #expect(try await client.call(.get, "/__emulator/tasks/timing").json["held"] == [.string(taskID)])
            let profile = try await client.call(.get, "/_plugins/_ml/profile/tasks").json
            #expect(Self.onlyNode(profile["nodes"])?["tasks"]?[taskID]?["task_id"] == .string(taskID))
            #expect(try await client.call(.post, "/__emulator/tasks/\(taskID)/_release").status == 200)
            _ = try await Self.poll(client, taskID)
            #expect(try await client.call(.post, "/__emulator/tasks/\(taskID)/_release").status == 404)
        }
    }

    /// The one node's entry of a per-node answer.
    static func onlyNode(_ value: JSONValue?) -> JSONValue? {
        value?.objectValue?.keys.first.flatMap { value?[$0] }
    }

    /// Polls a task as a client does, until it leaves CREATED/RUNNING; returns its model id.
    static func poll(_ client: EmulatorClient, _ taskID: String) async throws -> String {
        for _ in 0..<100 {
            let task = try await task(client, taskID)
            if task["state"] == "COMPLETED" { return try #require(task["model_id"]?.stringValue) }
            #expect(task["state"] == "CREATED" || task["state"] == "RUNNING", "\(task)")
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("task \(taskID) never completed")
        return ""
    }
}
