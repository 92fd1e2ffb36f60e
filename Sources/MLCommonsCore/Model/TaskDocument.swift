/// The task documents ml-commons writes to `.plugins-ml-task`.
public enum TaskDocument {
    /// `MLTask.toXContent` field order.
    public static let fieldOrder = [
        "model_id", "task_type", "function_name", "state", "input_type", "progress", "output_index", "worker_node",
        "create_time", "last_update_time", "error", "user", "is_async", "remote_job", "response", "tenant_id",
    ]

    /// A task finished: `COMPLETED` (with the model it produced, if any), in `MLTask.toXContent` order.
    public static func completed(_ task: JSONObject, modelID: String? = nil, now: Int64) -> JSONObject {
        var task = task
        task["state"] = .string(TaskState.completed.rawValue)
        if let modelID { task["model_id"] = .string(modelID) }
        task["last_update_time"] = .number(JSONNumber(Int(now)))
        return task.ordered(by: fieldOrder)
    }

    /// A task failed with `error`, as `MLModelManager.handleException` writes it.
    public static func failed(_ task: JSONObject, error: String, now: Int64) -> JSONObject {
        var task = task
        task["error"] = .string(error)
        task["state"] = .string(TaskState.failed.rawValue)
        task["last_update_time"] = .number(JSONNumber(Int(now)))
        return task.ordered(by: fieldOrder)
    }

    /// A partial update as `updateMLTaskDirectly` applies it: the state, `response` merged into the stored one (new
    /// keys at its end), the update time.
    public static func updated(_ task: JSONObject, state: TaskState, response: JSONObject, now: Int64) -> JSONObject {
        var task = task
        var merged = task["response"]?.objectValue ?? JSONObject()
        for (key, value) in response { merged[key] = value }
        task["response"] = .object(merged)
        task["state"] = .string(state.rawValue)
        task["last_update_time"] = .number(JSONNumber(Int(now)))
        return task.ordered(by: fieldOrder)
    }

    /// `MLTask.toXContent` order; `task_id` is never part of the stored document.
    public static func make(
        modelID: String?, type: String, functionName: String, state: TaskState, workerNode: String, isAsync: Bool,
        now: Int64, response: JSONObject? = nil
    ) -> JSONObject {
        var source = JSONObject()
        if let modelID { source["model_id"] = .string(modelID) }
        source["task_type"] = .string(type)
        source["function_name"] = .string(functionName)
        source["state"] = .string(state.rawValue)
        source["worker_node"] = .array([.string(workerNode)])
        source["create_time"] = .number(JSONNumber(Int(now)))
        source["last_update_time"] = .number(JSONNumber(Int(now)))
        source["is_async"] = .bool(isAsync)
        if let response { source["response"] = .object(response) }
        return source
    }
}
