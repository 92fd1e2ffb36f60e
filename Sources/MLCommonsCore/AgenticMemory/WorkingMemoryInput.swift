/// An add-memories request (`MLAddMemoriesInput`): conversation messages or data for a container's working
/// memory, and whether to extract long-term facts from it.
public struct WorkingMemoryInput: Sendable {
    /// `PayloadType`.
    public enum PayloadType: String, Sendable {
        case conversational
        case data
    }

    public var memoryContainerID: String
    public var payloadType: PayloadType
    /// Each `{role, content}` as ml-commons keeps it: content items as `HashMap`s.
    public var messages: [JSONObject]?
    public var messageID: Int?
    public var binaryData: String?
    public var structuredData: JSONObject?
    /// What an agent run keeps of a message (3.5+): stored, not indexed.
    public var structuredDataBlob: JSONObject?
    /// String maps (`getParameterMap`), in `HashMap` order.
    public var namespace: JSONObject?
    public var metadata: JSONObject?
    public var tags: JSONObject?
    public var infer: Bool
    public var parameters: JSONObject?

    /// `MLAddMemoriesInput.parse` and `validate`: a `memory_container_id` in the body wins over the path's.
    public init(parsing value: JSONValue, containerID: String) throws(OpenSearchError) {
        let fields = try RequestObject(value)
        memoryContainerID = try fields.string("memory_container_id") ?? containerID
        if let type = try fields.string("payload_type") {
            guard let known = PayloadType(rawValue: type.lowercased()) else {
                throw .illegalArgument("Invalid working memory type: \(type). Must be one of: CONVERSATIONAL, DATA")
            }
            payloadType = known
        } else {
            payloadType = .conversational
        }
        if let items = try fields.array("messages") {
            messages = try items.map { item throws(OpenSearchError) in try Self.message(item) }
        }
        messageID = try fields.int("message_id")
        binaryData = try fields.string("binary_data")
        structuredData = try fields.object("structured_data").map(JavaHashMapOrder.deep)
        namespace = try fields.parameterMap("namespace").map { JavaHashMapOrder.ordered($0) }
        metadata = try fields.parameterMap("metadata").map { JavaHashMapOrder.ordered($0) }
        tags = try fields.parameterMap("tags").map { JavaHashMapOrder.ordered($0) }
        infer = try fields.bool("infer") ?? false
        parameters = try fields.object("parameters").map(JavaHashMapOrder.deep)
        if infer, messages?.isEmpty ?? true { throw .illegalArgument("No messages provided when inferring memory") }
    }

    /// What an agent run adds to its session (`AgenticConversationMemory`): conversational, not inferred, in the
    /// session's namespace.
    public init(agentSession sessionID: String, containerID: String, messageID: Int?, structuredDataBlob: JSONObject, metadata: JSONObject) {
        memoryContainerID = containerID
        payloadType = .conversational
        self.messageID = messageID
        self.structuredDataBlob = structuredDataBlob
        namespace = ["session_id": .string(sessionID)]
        self.metadata = JavaHashMapOrder.ordered(metadata)
        infer = false
    }

    /// `MessageInput.parse`: a role and a list of content objects are both required.
    static func message(_ value: JSONValue) throws(OpenSearchError) -> JSONObject {
        let fields = try RequestObject(value)
        let role = try fields.string("role")
        let content = try fields.array("content")?.map { item throws(OpenSearchError) -> JSONValue in
            .object(JavaHashMapOrder.deep(try RequestObject(item).object))
        }
        guard let role, let content else { throw .illegalArgument("Message must have role and content") }
        return ["role": .string(role), "content": .array(content)]
    }

    /// The working-memory document as `toXContent(withTimeStamp)` writes it.
    public func document(ownerID: String?, now: Int64) -> JSONObject {
        var object: JSONObject = [
            "memory_container_id": .string(memoryContainerID), "payload_type": .string(payloadType.rawValue),
        ]
        if let messages, !messages.isEmpty { object["messages"] = .array(messages.map(JSONValue.object)) }
        if let messageID { object["message_id"] = .number(JSONNumber(messageID)) }
        if let binaryData { object["binary_data"] = .string(binaryData) }
        if let structuredData { object["structured_data"] = .object(structuredData) }
        if let structuredDataBlob { object["structured_data_blob"] = .object(structuredDataBlob) }
        if let namespace, !namespace.isEmpty {
            object["namespace"] = .object(namespace)
            object["namespace_size"] = .number(JSONNumber(namespace.count))
        }
        object["infer"] = .bool(infer)
        if let metadata, !metadata.isEmpty { object["metadata"] = .object(metadata) }
        if let tags, !tags.isEmpty { object["tags"] = .object(tags) }
        if let parameters, !parameters.isEmpty { object["parameters"] = .object(parameters) }
        if let ownerID { object["owner_id"] = .string(ownerID) }
        object["created_time"] = .number(JSONNumber(text: String(now)))
        object["last_updated_time"] = .number(JSONNumber(text: String(now)))
        return object
    }

    /// The session the request names (`namespace.session_id`), if any.
    public var sessionID: String? { namespace?["session_id"]?.stringValue }
}
