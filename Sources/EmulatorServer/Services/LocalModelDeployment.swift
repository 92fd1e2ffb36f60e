import Foundation
import MLCommonsCore
import MLStore
import ModelInvocation
import WireFormats

/// Deploying a local model as ml-commons does: a `CREATED` deploy task answered at once, the model
/// `DEPLOYING` with its planned worker nodes, then (under the task timing) the chunks read back and their
/// hash checked, the model `DEPLOYED` and in the node's cache, or `DEPLOY_FAILED` with the node's error.
struct LocalModelDeployment: Sendable {
    let emulator: Emulator

    /// Checks the request, writes the task and the `DEPLOYING` model, and finishes under the task timing.
    /// Returns the task id.
    func deploy(_ model: StoredDocument, nodeIDs: [String]?) async throws -> String {
        let id = model.id
        try await LocalModelService(emulator: emulator).requireLocalModels()
        let node = emulator.node.nodeID
        if let nodeIDs, !nodeIDs.isEmpty {
            guard emulator.settings.isEnabled("plugins.ml_commons.allow_custom_deployment_plan") else {
                throw OpenSearchError.illegalArgument("Don't allow custom deployment plan")
            }
            guard nodeIDs.contains(node) else { throw OpenSearchError.illegalArgument("no eligible node found") }
        }
        let functionName = model.source["algorithm"]?.stringValue ?? "TEXT_EMBEDDING"
        let now = emulator.nowMillis()
        let taskID = emulator.ids.next()
        let task = TaskDocument.make(
            modelID: id, type: "DEPLOY_MODEL", functionName: functionName, state: .created, workerNode: node,
            isAsync: true, now: now)
        let waits = emulator.localTasks.timing != .instant
        try await emulator.documents.transaction { tx in
            // The nodes action returns at once; the task is RUNNING from then until the node reports back.
            var task = task
            if waits { task["state"] = .string(TaskState.running.rawValue) }
            _ = try tx.put(SystemIndex.task, id: taskID, source: task)
            guard var source = try tx.document(SystemIndex.model, id: id)?.source else { return }
            source["model_state"] = .string(ModelState.deploying.rawValue)
            source["planning_worker_node_count"] = 1
            source["planning_worker_nodes"] = .array([.string(node)])
            source["deploy_to_all_nodes"] = .bool(nodeIDs?.isEmpty ?? true)
            source["last_updated_time"] = now.json
            _ = try tx.put(SystemIndex.model, id: id, source: source.ordered(by: ModelRegistration.fieldOrder))
        }
        await emulator.localTasks.run(taskID) { await finish(id, taskID: taskID, functionName: functionName) }
        return taskID
    }

    /// The node's half: the content back from its chunks, its hash checked, the model served.
    private func finish(_ id: String, taskID: String, functionName: String) async {
        emulator.nodeStats.count(.deploy, algorithm: functionName, modelID: id)
        let now = emulator.nowMillis()
        do {
            let memory = try await checkContent(id)
            try await emulator.documents.transaction { tx in
                if var source = try tx.document(SystemIndex.model, id: id)?.source {
                    source["model_state"] = .string(ModelState.deployed.rawValue)
                    source["last_deployed_time"] = now.json
                    source["current_worker_node_count"] = 1
                    source["auto_redeploy_retry_times"] = 0
                    source["last_updated_time"] = now.json
                    _ = try tx.put(SystemIndex.model, id: id, source: source.ordered(by: ModelRegistration.fieldOrder))
                }
                if let task = try tx.document(SystemIndex.task, id: taskID)?.source {
                    _ = try tx.put(SystemIndex.task, id: taskID, source: TaskDocument.completed(task, now: now))
                }
            }
            emulator.modelCache.put(id, DeployedModelCache.Entry(
                state: .deployed,
                predictor: DeployedModelCache.predictor(forAlgorithm: functionName, modelID: id),
                workerNodes: [emulator.node.nodeID], memoryEstimate: memory))
        } catch {
            emulator.nodeStats.countFailure(.deploy, algorithm: functionName, modelID: id, error)
            let message = LocalModelService.taskError(error)
            let nodeErrors = JSONWriter().string(.object([emulator.node.nodeID: .string(message)]))
            _ = try? await emulator.documents.transaction { tx in
                if var source = try tx.document(SystemIndex.model, id: id)?.source {
                    source["model_state"] = .string(ModelState.deployFailed.rawValue)
                    source["last_updated_time"] = now.json
                    _ = try tx.put(SystemIndex.model, id: id, source: source)
                }
                if let task = try tx.document(SystemIndex.task, id: taskID)?.source {
                    _ = try tx.put(SystemIndex.task, id: taskID, source: TaskDocument.failed(task, error: nodeErrors, now: now))
                }
            }
        }
    }

    /// `retrieveModelChunks` and the hash check: every chunk present, the merged bytes matching the model's
    /// `model_content_hash_value` (a catalogue stand-in is not checked). Returns the memory estimate.
    private func checkContent(_ id: String) async throws -> Int {
        guard let model = try await emulator.documents.document(SystemIndex.model, id: id)?.source else {
            throw OpenSearchError.statusException("Failed to find model", status: 404)
        }
        let total = model["total_chunks"]?.numberValue?.intValue ?? 0
        guard total > 0 else { throw OpenSearchError.mlException("Failed to deploy model") }
        var content: [UInt8] = []
        for number in 0..<total {
            guard let chunk = try await emulator.documents.document(SystemIndex.model, id: "\(id)_\(number)"),
                let text = chunk.source["model_content"]?.stringValue, let bytes = Data(base64Encoded: text)
            else { throw OpenSearchError.resourceNotFound("Fail to find model chunk \(id)_\(number)") }
            content.append(contentsOf: bytes)
        }
        if !content.starts(with: ModelArtifact.standInPrefix),
            ContentDigest.sha256Hex(content) != model["model_content_hash_value"]?.stringValue
        {
            throw OpenSearchError.illegalArgument("model content changed")
        }
        let size = model["model_content_size_in_bytes"]?.numberValue?.intValue ?? total * LocalModelService.chunkSize
        let scale = model["model_format"]?.stringValue == "ONNX" ? 1.5 : 1.2
        return Int(scale * Double(size))
    }
}
