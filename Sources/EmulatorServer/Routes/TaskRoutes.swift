import MLCommonsCore

/// `/_plugins/_ml/tasks`: get, delete, search.
enum TaskRoutes {
    static let base = "/_plugins/_ml/tasks"

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        routes.add("GET", "\(base)/{task_id}", query: ["tenant_id"]) { request in
            let id = request.parameter("task_id")
            guard let task = try await emulator.documents.document(SystemIndex.task, id: id) else {
                throw OpenSearchError.statusException("Failed to find task", status: 404)
            }
            return .json(.object(task.source))
        }
        routes.add("DELETE", "\(base)/{task_id}") { request in
            let id = request.parameter("task_id")
            guard let task = try await emulator.documents.document(SystemIndex.task, id: id) else {
                throw OpenSearchError.statusException("Failed to find task", status: 404)
            }
            if task.source["state"]?.stringValue == TaskState.running.rawValue {
                throw OpenSearchError("IllegalArgumentException", reason: "Task cannot be deleted in running state. Try after sometime", status: 400)
            }
            guard let result = try await emulator.documents.delete(SystemIndex.task, id: id) else {
                throw OpenSearchError.statusException("Failed to find task", status: 404)
            }
            return .json(result.json())
        }
        routes.addSearch("\(base)/_search", emulator: emulator, index: SystemIndex.task)
    }
}
