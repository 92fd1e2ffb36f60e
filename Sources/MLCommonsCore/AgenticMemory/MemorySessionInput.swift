/// A create-session request (`MLCreateSessionInput`).
public struct MemorySessionInput: Sendable {
    /// A custom id; a session with it is replaced.
    public var sessionID: String?
    public var summary: String?
    public var metadata: JSONObject?
    public var agents: JSONObject?
    public var additionalInfo: JSONObject?
    public var namespace: JSONObject?

    /// A session created for an agent run, with only its summary.
    public init(summary: String?) { self.summary = summary }

    public init(parsing value: JSONValue) throws(OpenSearchError) {
        let fields = try RequestObject(value)
        sessionID = try fields.string("session_id")
        summary = try fields.string("summary")
        metadata = try fields.object("metadata").map(JavaHashMapOrder.deep)
        agents = try fields.object("agents").map(JavaHashMapOrder.deep)
        additionalInfo = try fields.object("additional_info").map(JavaHashMapOrder.deep)
        namespace = try fields.stringMap("namespace").map { JavaHashMapOrder.ordered($0) }
    }

    /// `MLMemorySession.toXContent` of the new session.
    public func document(containerID: String, ownerID: String?, now: Int64) -> JSONObject {
        var object = JSONObject()
        if let ownerID { object["owner_id"] = .string(ownerID) }
        object["memory_container_id"] = .string(containerID)
        if let summary { object["summary"] = .string(summary) }
        object["created_time"] = .number(JSONNumber(text: String(now)))
        object["last_updated_time"] = .number(JSONNumber(text: String(now)))
        if let metadata { object["metadata"] = .object(metadata) }
        if let agents { object["agents"] = .object(agents) }
        if let additionalInfo { object["additional_info"] = .object(additionalInfo) }
        if let namespace { object["namespace"] = .object(namespace) }
        return object
    }
}
