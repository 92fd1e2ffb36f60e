/// The documents fact extraction writes: long-term memories and their history (`MLLongTermMemory`,
/// `MemoryOperationsService`).
public enum LongTermMemory {
    /// A new memory as `MLLongTermMemory.toIndexMap` writes it; the embedding is added by the index's pipeline.
    public static func document(
        memory: String, strategy: MemoryStrategy, namespace: JSONObject, tags: JSONObject?, ownerID: String?,
        containerID: String, now: Int64, embedding: JSONValue?
    ) -> JSONObject {
        var object: JSONObject = [
            "memory": .string(memory), "strategy_type": .string(strategy.kind?.rawValue ?? "SEMANTIC"),
            "created_time": .number(JSONNumber(text: String(now))), "last_updated_time": .number(JSONNumber(text: String(now))),
        ]
        if !namespace.isEmpty {
            object["namespace"] = .object(namespace)
            object["namespace_size"] = .number(JSONNumber(namespace.count))
        }
        if let tags, !tags.isEmpty { object["tags"] = .object(tags) }
        if let ownerID { object["owner_id"] = .string(ownerID) }
        object["memory_container_id"] = .string(containerID)
        object["strategy_id"] = .string(strategy.id ?? "")
        // `toIndexMap` is a `HashMap`; the pipeline appends the embedding to what it parsed.
        var ordered = JavaHashMapOrder.ordered(object)
        if let embedding { ordered["memory_embedding"] = embedding }
        return ordered
    }

    /// One history entry for an applied decision.
    public static func history(
        memoryID: String?, action: MemoryDecision.Event, before: String?, after: String?, namespace: JSONObject,
        tags: JSONObject?, ownerID: String?, containerID: String, now: Int64
    ) -> JSONObject {
        var object = JSONObject()
        if let ownerID { object["owner_id"] = .string(ownerID) }
        object["memory_container_id"] = .string(containerID)
        object["memory_id"] = memoryID.map(JSONValue.string) ?? .null
        object["action"] = .string(action.rawValue)
        if let before { object["before"] = ["memory": .string(before)] }
        if let after { object["after"] = ["memory": .string(after)] }
        object["created_time"] = .number(JSONNumber(text: String(now)))
        if !namespace.isEmpty {
            object["namespace"] = .object(namespace)
            object["namespace_size"] = .number(JSONNumber(namespace.count))
        }
        if let tags { object["tags"] = .object(tags) }
        return JavaHashMapOrder.ordered(object)
    }

    /// The entry a failed extraction leaves (`createErrorMemoryHistory`); 3.3 writes `owner_id: null` only
    /// when there is no owner.
    public static func errorHistory(
        error: String, namespace: JSONObject?, tags: JSONObject?, ownerID: String?, containerID: String, now: Int64
    ) -> JSONObject {
        var object = JSONObject()
        if ownerID == nil { object["owner_id"] = .null }
        object["memory_container_id"] = .string(containerID)
        object["created_time"] = .number(JSONNumber(text: String(now)))
        if let namespace, !namespace.isEmpty {
            object["namespace"] = .object(namespace)
            object["namespace_size"] = .number(JSONNumber(namespace.count))
        }
        if let tags { object["tags"] = .object(tags) }
        object["error"] = .string(error)
        return JavaHashMapOrder.ordered(object)
    }
}
