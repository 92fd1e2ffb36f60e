import MLCommonsCore
import ModelInvocation

/// `GET /_plugins/_ml/profile[/models|/tasks][/{ids}]`: the node's cached models and running tasks
/// (`RestMLProfileAction`), with a body's `node_ids`, `model_ids`, `task_ids`, `return_all_*` taking over.
enum ProfileRoutes {
    static let base = "/_plugins/_ml/profile"

    /// What one profile request asks for.
    struct Selection {
        var nodeIDs: [String] = []
        var modelIDs: [String] = []
        var taskIDs: [String] = []
        var allModels = false
        var allTasks = false
    }

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        let paths: [(String, @Sendable (RESTRequest) -> Selection)] = [
            (base, { _ in Selection(allModels: true, allTasks: true) }),
            ("\(base)/models", { _ in Selection(allModels: true) }),
            ("\(base)/models/{model_id}", { Selection(modelIDs: ids($0.parameter("model_id"))) }),
            ("\(base)/tasks", { _ in Selection(allTasks: true) }),
            ("\(base)/tasks/{task_id}", { Selection(taskIDs: ids($0.parameter("task_id"))) }),
        ]
        for (path, fromPath) in paths {
            routes.add("GET", path, query: ["view"]) { request in
                var selection = fromPath(request)
                if request.hasBody {
                    let fields = try RequestObject(try request.requiredJSONBody())
                    selection = Selection(
                        nodeIDs: try fields.stringList("node_ids") ?? [], modelIDs: try fields.stringList("model_ids") ?? [],
                        taskIDs: try fields.stringList("task_ids") ?? [], allModels: try fields.bool("return_all_models") ?? false,
                        allTasks: try fields.bool("return_all_tasks") ?? false)
                }
                return .json(try await profile(selection, emulator))
            }
        }
    }

    static func ids(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }

    static func profile(_ selection: Selection, _ emulator: Emulator) async throws -> JSONValue {
        let node = emulator.node.nodeID
        // The profile first searches the model index; without it, the answer is empty.
        guard try await emulator.documents.indexExists(SystemIndex.model) else { return [:] }
        guard selection.nodeIDs.isEmpty || selection.nodeIDs.contains(node) else { return [:] }
        var tasks = JSONObject()
        for id in emulator.localTasks.active where selection.allTasks || selection.taskIDs.contains(id) {
            guard var task = try await emulator.documents.document(SystemIndex.task, id: id)?.source else { continue }
            task["task_id"] = .string(id)
            tasks[id] = .object(task.ordered(by: ["task_id"] + TaskDocument.fieldOrder))
        }
        var models = JSONObject()
        for (id, entry) in emulator.modelCache.all where selection.allModels || selection.modelIDs.contains(id) {
            models[id] = .object(modelProfile(entry))
        }
        guard !tasks.isEmpty || !models.isEmpty else { return [:] }
        var nodeProfile = JSONObject()
        if !tasks.isEmpty { nodeProfile["tasks"] = .object(tasks) }
        if !models.isEmpty { nodeProfile["models"] = .object(models) }
        return ["nodes": [node: .object(nodeProfile)]]
    }

    /// `MLModelProfile.toXContent`.
    static func modelProfile(_ entry: DeployedModelCache.Entry) -> JSONObject {
        var profile: JSONObject = ["model_state": .string(entry.state.rawValue)]
        if let predictor = entry.predictor { profile["predictor"] = .string(predictor) }
        if !entry.workerNodes.isEmpty {
            profile["target_worker_nodes"] = .array(entry.workerNodes.map(JSONValue.string))
            profile["worker_nodes"] = .array(entry.workerNodes.map(JSONValue.string))
        }
        if !entry.modelInferenceMillis.isEmpty { profile["model_inference_stats"] = latencySummary(entry.modelInferenceMillis) }
        if !entry.predictRequestMillis.isEmpty { profile["predict_request_stats"] = latencySummary(entry.predictRequestMillis) }
        if let memory = entry.memoryEstimate {
            profile["memory_size_estimation_cpu"] = memory.json
            profile["memory_size_estimation_gpu"] = memory.json
        }
        return profile
    }

    /// `MLPredictRequestStats`: count, extremes, mean and Guava's interpolated percentiles, in milliseconds.
    static func latencySummary(_ samples: [Double]) -> JSONValue {
        let sorted = samples.sorted()
        func percentile(_ p: Double) -> Double {
            let position = p / 100 * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down))
            let upper = min(lower + 1, sorted.count - 1)
            return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
        }
        func number(_ value: Double) -> JSONValue { .number(JSONNumber(value)) }
        return [
            "count": sorted.count.json, "max": number(sorted.last ?? 0), "min": number(sorted.first ?? 0),
            "average": number(sorted.reduce(0, +) / Double(sorted.count)), "p50": number(percentile(50)),
            "p90": number(percentile(90)), "p99": number(percentile(99)),
        ]
    }
}
