/// Documents of conversation memory (`.plugins-ml-memory-meta`, `.plugins-ml-memory-message`) as
/// ml-commons writes them, and the shapes its memory APIs return.
public enum ConversationMemory {
    public static let metaIndex = ".plugins-ml-memory-meta"
    public static let messageIndex = ".plugins-ml-memory-message"

    /// The `_source` of a new memory: a Java `HashMap`, so its keys come out in hash order.
    public static func metaSource(
        name: String?, applicationType: String?, additionalInfo: JSONObject?, user: String? = nil, now: InstantTime
    ) -> JSONObject {
        var source: JSONObject = ["create_time": .string(now.iso8601), "updated_time": .string(now.iso8601)]
        // With the security plugin the creator's name is kept; only that user may read or write the memory.
        if let user { source["user"] = .string(user) }
        if let name { source["name"] = .string(name) }
        if let applicationType { source["application_type"] = .string(applicationType) }
        if let additionalInfo { source["additional_info"] = .object(additionalInfo) }
        return JavaHashMapOrder.ordered(source)
    }

    /// `ConversationMeta.toXContent`: id first, `name` always written, `application_type` never.
    public static func metaView(id: String, source: JSONObject) -> JSONObject {
        var view: JSONObject = ["memory_id": .string(id)]
        view["create_time"] = source["create_time"] ?? .null
        view["updated_time"] = source["updated_time"] ?? .null
        view["name"] = source["name"] ?? .null
        if let user = source["user"], user != .null { view["user"] = user }
        if let info = source["additional_info"], info != .null { view["additional_info"] = info }
        return view
    }

    /// The `_source` of a new message (interaction or trace), in `HashMap` order; blank texts are left out.
    public static func messageSource(
        memoryID: String, input: String?, promptTemplate: String?, response: String?, origin: String?,
        additionalInfo: JSONObject?, parentMessageID: String?, traceNumber: Int?, now: InstantTime
    ) -> JSONObject {
        let time = JSONValue.string(now.iso8601)
        var source: JSONObject = [
            "memory_id": .string(memoryID),
            "create_time": time,
            "updated_time": time,
            "parent_message_id": parentMessageID.map(JSONValue.string) ?? .null,
            "trace_number": traceNumber.map { .number(JSONNumber($0)) } ?? .null,
        ]
        for (key, value) in [("input", input), ("prompt_template", promptTemplate), ("response", response), ("origin", origin)] {
            if let value, !value.trimmingWhitespace().isEmpty { source[key] = .string(value) }
        }
        if let additionalInfo { source["additional_info"] = .object(additionalInfo) }
        return JavaHashMapOrder.ordered(source)
    }

    /// `Interaction.toXContent`: fixed order, blank or null fields left out.
    public static func messageView(id: String, source: JSONObject) -> JSONObject {
        var view: JSONObject = ["memory_id": source["memory_id"] ?? .null, "message_id": .string(id)]
        view["create_time"] = source["create_time"] ?? .null
        if let updated = source["updated_time"], updated != .null { view["updated_time"] = updated }
        for key in ["input", "prompt_template", "response", "origin"] {
            if let text = source[key]?.stringValue, !text.trimmingWhitespace().isEmpty { view[key] = .string(text) }
        }
        if let info = source["additional_info"], info != .null { view["additional_info"] = info }
        if let parent = source["parent_message_id"]?.stringValue { view["parent_message_id"] = .string(parent) }
        if let trace = source["trace_number"], trace != .null { view["trace_number"] = trace }
        return view
    }
}

extension ConversationMemory {
    /// `ConversationMetaIndex.checkAccess`: without the security plugin (no user) everyone; with it only the
    /// memory's creator, admins included: a memory written without security belongs to nobody.
    public static func isAccessible(_ memory: JSONObject, to user: String?) -> Bool {
        guard let user else { return true }
        return memory["user"]?.stringValue == user
    }

    /// The refusal of a memory to another user: 401, as ml-commons answers it.
    public static func noAccess(user: String, memory id: String) -> OpenSearchError {
        .statusException("User [\(user)] does not have access to memory \(id)", status: 401)
    }

    /// The refusal of a message (and its traces) to another user.
    public static func noAccess(user: String, message id: String) -> OpenSearchError {
        .statusException("User [\(user)] does not have access to message \(id)", status: 401)
    }
}
