import MLCommonsCore
import ModelInvocation

extension Emulator {
    /// After a restart, models the store says are deployed serve again, as ml-commons' auto-redeploy
    /// brings them back on a node that rejoins.
    func restoreModelCache() async throws {
        guard try await documents.indexExists(SystemIndex.model) else { return }
        for model in try await documents.documents(SystemIndex.model) where model.source["chunk_number"] == nil {
            guard ModelState(rawValue: model.source["model_state"]?.stringValue ?? "")?.isDeployed == true else { continue }
            let algorithm = model.source["algorithm"]?.stringValue ?? ""
            modelCache.put(model.id, DeployedModelCache.Entry(
                state: .deployed, predictor: DeployedModelCache.predictor(forAlgorithm: algorithm, modelID: model.id),
                workerNodes: [node.nodeID]))
        }
    }
}
