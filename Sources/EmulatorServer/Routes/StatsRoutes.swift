import MLCommonsCore
import MLStore

/// `GET /_plugins/_ml[/{node_id}]/stats[/{stat}]` (`RestMLStatsAction`): cluster-level stats computed
/// from the system indices, node-level counters from ``NodeStats``.
enum StatsRoutes {
    /// `MLClusterLevelStat`, in its declaration order.
    static let clusterStats = [
        "ml_model_index_status", "ml_connector_index_status", "ml_config_index_status", "ml_task_index_status",
        "ml_controller_index_status", "ml_model_count", "ml_connector_count",
    ]
    /// `MLNodeLevelStat`.
    static let nodeStats: Set<String> = [
        "ml_jvm_heap_usage", "ml_executing_task_count", "ml_request_count", "ml_failure_count", "ml_deployed_model_count",
        "ml_circuit_breaker_trigger_count",
    ]

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        for path in ["/_plugins/_ml/stats", "/_plugins/_ml/stats/{stat}", "/_plugins/_ml/{node_id}/stats", "/_plugins/_ml/{node_id}/stats/{stat}"] {
            routes.add("GET", path) { request in
                let nodeIDs = request.pathParameters["node_id"].map { $0.split(separator: ",").map(String.init) }
                let names = request.pathParameters["stat"].map { $0.split(separator: ",").map { $0.lowercased() } }
                return .json(try await stats(nodeIDs: nodeIDs, stats: names, emulator))
            }
        }
    }

    static func stats(nodeIDs: [String]?, stats requested: [String]?, _ emulator: Emulator) async throws -> JSONValue {
        var wantedCluster = clusterStats
        var wantedNode: Set<String>? = nil
        if let requested {
            wantedCluster = []
            var nodeLevel = Set<String>()
            for name in requested {
                if nodeStats.contains(name) {
                    nodeLevel.insert(name)
                } else if clusterStats.contains(name) {
                    wantedCluster.append(name)
                } else {
                    throw OpenSearchError.illegalArgument("Wrong ML cluster level stat")
                }
            }
            wantedNode = nodeLevel
        }
        var response = JSONObject()
        for name in clusterStats where wantedCluster.contains(name) {
            response[name] = try await clusterStat(name, emulator)
        }
        // Only cluster-level stats asked for: no `nodes` at all.
        if let wantedNode, wantedNode.isEmpty { return .object(response) }
        let node = emulator.node.nodeID
        guard nodeIDs == nil || nodeIDs?.contains(node) == true || nodeIDs?.contains("_all") == true else { return .object(response) }
        var entry = JSONObject()
        let counters = emulator.nodeStats.nodeLevel(executingTasks: emulator.localTasks.executing, deployedModels: emulator.modelCache.all.count)
        for (name, value) in counters where wantedNode?.contains(name) ?? true { entry[name] = value }
        let (algorithms, models) = emulator.nodeStats.actionLevel()
        entry["algorithms"] = .object(algorithms)
        entry["models"] = .object(models)
        response["nodes"] = [node: .object(entry)]
        return .object(response)
    }

    /// One cluster-level stat: an index's health (`non-existent` when absent) or a document count.
    static func clusterStat(_ name: String, _ emulator: Emulator) async throws -> JSONValue {
        func health(_ index: String) async throws -> JSONValue {
            try await emulator.documents.indexExists(index) ? "green" : "non-existent"
        }
        switch name {
        case "ml_model_index_status": return try await health(SystemIndex.model)
        case "ml_connector_index_status": return try await health(SystemIndex.connector)
        case "ml_config_index_status": return try await health(SystemIndex.config)
        case "ml_task_index_status": return try await health(SystemIndex.task)
        case "ml_controller_index_status": return try await health(SystemIndex.controller)
        case "ml_model_count":
            // Model documents without `chunk_number`: chunks are not models.
            let models = try await emulator.documents.documents(SystemIndex.model).filter { $0.source["chunk_number"] == nil }
            return models.count.json
        default:
            return try await emulator.documents.documents(SystemIndex.connector).count.json
        }
    }
}
