import MLCommonsCore
import MLStore

/// Deploying remote models and undeploying any model on the one node: the model document's state fields and the
/// deploy task, as ml-commons writes them.
public struct ModelLifecycle: Sendable {
    public let documents: DocumentStore
    public let ids: DocumentIDGenerator
    public let nodeID: String
    public let now: @Sendable () -> Int64
    /// The node's model cache, which deploy fills and undeploy empties.
    public let cache: DeployedModelCache

    public init(
        documents: DocumentStore, ids: DocumentIDGenerator, nodeID: String, cache: DeployedModelCache = DeployedModelCache(),
        now: @escaping @Sendable () -> Int64
    ) {
        self.cache = cache
        self.documents = documents
        self.ids = ids
        self.nodeID = nodeID
        self.now = now
    }

    /// A stored model, or the get/deploy actions' 404s.
    public func stored(_ id: String) async throws -> StoredDocument {
        switch try await documents.lookup(SystemIndex.model, id: id) {
        case .found(let model): return model
        case .noIndex: throw OpenSearchError.statusException("Fail to find model", status: 404)
        case .noDocument:
            throw OpenSearchError.statusException("Failed to find model with the provided model id: \(id)", status: 404)
        }
    }

    /// Remote deploy is synchronous in ml-commons: the model is DEPLOYED when the call returns. Returns the task id.
    public func deploy(_ id: String) async throws -> String {
        let model = try await stored(id)
        let now = now()
        let taskID = ids.next()
        var next = model.source
        next["model_state"] = .string(ModelState.deployed.rawValue)
        next["last_updated_time"] = .number(JSONNumber(Int(now)))
        next["last_deployed_time"] = .number(JSONNumber(Int(now)))
        next["auto_redeploy_retry_times"] = 0
        next["planning_worker_node_count"] = 1
        next["current_worker_node_count"] = 1
        next["planning_worker_nodes"] = .array([.string(nodeID)])
        next["deploy_to_all_nodes"] = true
        let task = TaskDocument.make(
            modelID: id, type: "DEPLOY_MODEL", functionName: model.source["algorithm"]?.stringValue ?? "REMOTE",
            state: .completed, workerNode: nodeID, isAsync: true, now: now)
        let ordered = next.ordered(by: ModelRegistration.fieldOrder)
        try await documents.transaction { tx in
            try tx.put(SystemIndex.task, id: taskID, source: task)
            try tx.put(SystemIndex.model, id: id, source: ordered)
        }
        cache.put(id, DeployedModelCache.Entry(
            state: .deployed, predictor: DeployedModelCache.predictor(forAlgorithm: "REMOTE", modelID: id),
            workerNodes: [nodeID]))
        return taskID
    }

    /// Marks a stored model undeployed; `not_found` when it was not deployed on this node.
    public func undeploy(_ model: StoredDocument) async throws -> String {
        let id = model.id
        let wasDeployed = ModelState(rawValue: model.source["model_state"]?.stringValue ?? "")?.isDeployed == true
        let now = now()
        _ = try await documents.update(SystemIndex.model, id: id) { source in
            var next = source
            next["model_state"] = .string(ModelState.undeployed.rawValue)
            next["current_worker_node_count"] = 0
            next["planning_worker_node_count"] = nil
            next["planning_worker_nodes"] = nil
            next["last_updated_time"] = .number(JSONNumber(Int(now)))
            if wasDeployed { next["last_undeployed_time"] = .number(JSONNumber(Int(now))) }
            return next.ordered(by: ModelRegistration.fieldOrder)
        }
        let wasCached = cache.entry(id) != nil
        cache.remove(id)
        return wasDeployed || wasCached ? "undeployed" : "not_found"
    }
}
