/// A stored memory as the get-memory API returns it: read back into its type's class
/// (`MLWorkingMemory`, `MLMemorySession`, `MLLongTermMemory`, `MLMemoryHistory`) and written by its
/// `toXContent`, which fixes the field order, drops unknown fields and re-reads maps as `HashMap`s.
public enum AgenticMemoryView {
    public static func render(_ type: AgenticMemoryType, _ source: JSONObject) -> JSONObject {
        var out = JSONObject()
        func copy(_ key: String) { if let value = source[key], value != .null { out[key] = value } }
        func map(_ key: String, strings: Bool = false) {
            guard let object = source[key]?.objectValue else { return }
            out[key] = .object(strings ? JavaHashMapOrder.ordered(RequestObject.parameterMap(object)) : JavaHashMapOrder.deep(object))
        }
        func namespace() {
            guard let object = source["namespace"]?.objectValue, !object.isEmpty else { return }
            out["namespace"] = .object(JavaHashMapOrder.ordered(RequestObject.parameterMap(object)))
            out["namespace_size"] = .number(JSONNumber(object.count))
        }
        switch type {
        case .working:
            copy("memory_container_id")
            copy("payload_type")
            if let messages = source["messages"]?.arrayValue, !messages.isEmpty { out["messages"] = .array(messages) }
            copy("message_id")
            copy("binary_data")
            map("structured_data")
            namespace()
            out["infer"] = source["infer"] ?? false
            map("metadata", strings: true)
            map("tags", strings: true)
            copy("created_time")
            copy("last_updated_time")
            copy("owner_id")
        case .sessions:
            for key in ["owner_id", "memory_container_id", "summary", "created_time", "last_updated_time"] { copy(key) }
            map("metadata")
            map("agents")
            map("additional_info")
            map("namespace", strings: true)
            copy("tenant_id")
        case .longTerm:
            copy("memory")
            copy("strategy_type")
            map("tags", strings: true)
            namespace()
            copy("created_time")
            copy("last_updated_time")
            copy("memory_embedding")
            copy("owner_id")
            copy("strategy_id")
        case .history:
            for key in ["owner_id", "memory_container_id", "memory_id", "action"] { copy(key) }
            map("before")
            map("after")
            namespace()
            map("tags", strings: true)
            copy("created_time")
            copy("tenant_id")
            copy("error")
        }
        return out
    }
}
