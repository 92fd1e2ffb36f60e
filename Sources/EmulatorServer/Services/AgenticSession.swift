import Agents
import MLCommonsCore
import MLStore

/// An agent's session in an agentic memory container (`AgenticConversationMemory`): the session document and the
/// working-memory documents written under it, as `MLAddMemoriesAction` writes them for this release.
struct AgenticSession: Sendable {
    let emulator: Emulator
    let container: MemoryContainerService.Container
    let containerID: String
    /// The session's id: the run's `memory_id`.
    let sessionID: String
    let owner: String?

    /// `AgenticConversationMemory.Factory.create`: a new session (its summary the question, if any), or the given one,
    /// created when it does not exist yet (3.6+); a failure to create a given one is only logged there, so it is ignored
    /// here.
    static func open(
        containerID: String, memoryID: String?, summary: String?, owner: SecurityUser?, emulator: Emulator
    ) async throws -> AgenticSession {
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
            if emulator.profile.agentSessionsEnsured, let sessions, try await emulator.documents.document(sessions, id: memoryID) == nil {
                _ = try? await emulator.documents.put(sessions, id: memoryID, source: session)
            }
        } else {
            guard let sessions else { throw OpenSearchError.illegalArgument("Session is disabled for this container") }
            sessionID = emulator.ids.next()
            _ = try await emulator.documents.put(sessions, id: sessionID, source: session)
        }
        return AgenticSession(emulator: emulator, container: container, containerID: containerID, sessionID: sessionID, owner: owner?.name)
    }

    /// `createMemoryParams`: a non-empty `memory_container_id` of the request, else the agent's; refused when neither.
    static func containerID(of definition: AgentDefinition, input: [String: String]) throws(OpenSearchError) -> String {
        let containerID = input["memory_container_id"].flatMap { $0.isEmpty ? nil : $0 } ?? definition.memoryContainerID ?? ""
        if containerID.isEmpty {
            throw .illegalArgument(
                "Memory container ID is required for AgenticConversationMemory. Please provide 'memory_container_id' in the agent configuration.")
        }
        return containerID
    }

    var workingIndex: String? { container.configuration.indexName(.working) }

    /// Writes a working-memory document built in `toXContent` order; 3.8 re-reads it into a `HashMap`, adds the session
    /// at the top and touches the session. Returns the document's id.
    @discardableResult
    func add(_ document: JSONObject, now: Int64) async throws -> String {
        guard let index = workingIndex else { throw OpenSearchError.validationFailed(["index is missing"]) }
        var document = document
        let rewrite = emulator.profile.structuredMessageDocumentsAsHashMap
        if rewrite {
            document["session_id"] = .string(sessionID)
            document = JavaHashMapOrder.deep(document)
        }
        let id = emulator.ids.next()
        _ = try await emulator.documents.put(index, id: id, source: document)
        if rewrite, let sessions = container.configuration.indexName(.sessions) {
            _ = try await emulator.documents.update(sessions, id: sessionID) { session in
                var session = session
                session["last_updated_time"] = .number(JSONNumber(text: String(now)))
                return session
            }
        }
        return id
    }

    /// A working-memory document of the session as `MLAddMemoriesInput.toXContent` writes it.
    func document(messageID: Int? = nil, blob: JSONObject, metadata: JSONObject, now: Int64) -> JSONObject {
        WorkingMemoryInput(
            agentSession: sessionID, containerID: containerID, messageID: messageID, structuredDataBlob: blob, metadata: metadata
        ).document(ownerID: owner, now: now)
    }

    /// The session's working-memory documents, in write order.
    func workingDocuments() async throws -> [StoredDocument] {
        guard let index = workingIndex else { return [] }
        return try await emulator.documents.documents(index).filter { $0.source["namespace"]?["session_id"]?.stringValue == sessionID }
    }
}
