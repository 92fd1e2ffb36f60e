import MLCommonsCore
import MLStore

/// A `conversational_v2` agent's conversation in agentic memory (`AgenticConversationMemory`): a session of the
/// agent's container, each message a working-memory document numbered by `message_id`.
struct StructuredMessageMemory: Sendable {
    let emulator: Emulator
    let container: MemoryContainerService.Container
    let containerID: String
    /// The session: the run's `memory_id`.
    let sessionID: String
    let owner: String?

    /// `AgenticConversationMemory.Factory.create`: a new session (its summary the question, if any), or the given one,
    /// created when it does not exist yet; a failure to create a given one is only logged there, so it is ignored here.
    static func open(
        containerID: String, memoryID: String?, summary: String?, owner: SecurityUser?, emulator: Emulator
    ) async throws -> StructuredMessageMemory {
        let service = MemoryContainerService(emulator: emulator)
        try await service.requireEnabled()
        if containerID.isJavaBlank { throw OpenSearchError.illegalArgument("Memory container ID is required") }
        let container = try await service.stored(containerID)
        try service.checkAccess(container, owner, refusal: "User doesn't have permissions to add memory to this container")
        let sessions = container.configuration.indexName(.sessions)
        let session = MemorySessionInput(summary: summary).document(containerID: containerID, ownerID: owner?.name, now: emulator.nowMillis())
        let sessionID: String
        if let memoryID, !memoryID.isEmpty {
            sessionID = memoryID
            if let sessions, try await emulator.documents.document(sessions, id: memoryID) == nil {
                _ = try? await emulator.documents.put(sessions, id: memoryID, source: session)
            }
        } else {
            guard let sessions else { throw OpenSearchError.illegalArgument("Session is disabled for this container") }
            sessionID = emulator.ids.next()
            _ = try await emulator.documents.put(sessions, id: sessionID, source: session)
        }
        return StructuredMessageMemory(emulator: emulator, container: container, containerID: containerID, sessionID: sessionID, owner: owner?.name)
    }

    /// The session's structured messages by `message_id` (other working memory is not conversation).
    func messages() async throws -> [(id: Int, message: UnifiedMessage)] {
        guard let index = container.configuration.indexName(.working) else { return [] }
        return try await emulator.documents.documents(index).compactMap { document -> (Int, UnifiedMessage)? in
            let source = document.source
            guard source["namespace"]?["session_id"]?.stringValue == sessionID,
                source["metadata"]?["type"]?.stringValue == "structured_message",
                let message = source["structured_data_blob"]?["message"]?.objectValue
            else { return nil }
            return (source["message_id"]?.numberValue?.intValue ?? 0, UnifiedMessage(stored: message))
        }.sorted { $0.0 < $1.0 }
    }

    /// `saveStructuredMessages`: one document per message, numbered from `firstID`; the id after the last.
    @discardableResult
    func save(_ messages: [UnifiedMessage], from firstID: Int) async throws -> Int {
        guard let index = container.configuration.indexName(.working) else { return firstID }
        let hashMapDocuments = emulator.profile.structuredMessageDocumentsAsHashMap
        for (offset, message) in messages.enumerated() {
            let now = emulator.nowMillis()
            var document = document(message, messageID: firstID + offset, now: now)
            if hashMapDocuments {
                document["session_id"] = .string(sessionID)
                document = JavaHashMapOrder.deep(document)
            }
            _ = try await emulator.documents.put(index, id: emulator.ids.next(), source: document)
            if hashMapDocuments, let sessions = container.configuration.indexName(.sessions) {
                _ = try await emulator.documents.update(sessions, id: sessionID) { session in
                    var session = session
                    session["last_updated_time"] = .number(JSONNumber(text: String(now)))
                    return session
                }
            }
        }
        return firstID + messages.count
    }

    /// `MLAddMemoriesInput.toXContent` of one message.
    private func document(_ message: UnifiedMessage, messageID: Int, now: Int64) -> JSONObject {
        var metadata: JSONObject = ["type": "structured_message"]
        if let role = message.role { metadata["role"] = .string(role) }
        var document: JSONObject = [
            "memory_container_id": .string(containerID), "payload_type": "conversational",
            "message_id": .number(JSONNumber(messageID)), "structured_data_blob": ["message": .object(message.storedJSON)],
            "namespace": ["session_id": .string(sessionID)], "namespace_size": 1, "infer": false,
            "metadata": .object(JavaHashMapOrder.ordered(metadata)),
        ]
        if let owner { document["owner_id"] = .string(owner) }
        document["created_time"] = .number(JSONNumber(text: String(now)))
        document["last_updated_time"] = .number(JSONNumber(text: String(now)))
        return document
    }
}
