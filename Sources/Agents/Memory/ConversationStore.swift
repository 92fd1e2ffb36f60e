import MLCommonsCore
import MLStore

/// Conversation memory on the document store, written exactly as ml-commons' `ConversationMetaIndex`
/// and `InteractionsIndex` write it; shared by the memory APIs and the agent runners.
public struct ConversationStore: Sendable {
    public let documents: DocumentStore
    private let ids: DocumentIDGenerator

    public init(documents: DocumentStore, ids: DocumentIDGenerator) {
        self.documents = documents
        self.ids = ids
    }

    /// Creates a memory; returns its id.
    public func createMemory(
        name: String?, applicationType: String?, additionalInfo: JSONObject? = nil, user: String? = nil
    ) async throws -> String {
        let id = ids.next()
        let source = ConversationMemory.metaSource(
            name: name, applicationType: applicationType, additionalInfo: additionalInfo, user: user, now: .now())
        _ = try await documents.put(ConversationMemory.metaIndex, id: id, source: source)
        return id
    }

    /// The memory, if `user` may use it: `Memory [<id>] not found` when it does not exist, 401 when it is another's.
    public func accessibleMemory(_ id: String, user: String?) async throws -> StoredDocument {
        try Self.accessible(try await documents.document(ConversationMemory.metaIndex, id: id), id, user: user)
    }

    /// `Memory [<id>] not found` for a missing memory, the 401 for another user's.
    private static func accessible(_ memory: StoredDocument?, _ id: String, user: String?) throws -> StoredDocument {
        guard let memory else { throw OpenSearchError.resourceNotFound("Memory [\(id)] not found") }
        if let user, !ConversationMemory.isAccessible(memory.source, to: user) {
            throw ConversationMemory.noAccess(user: user, memory: id)
        }
        return memory
    }

    /// Writes a message (interaction or trace) and bumps its memory's `updated_time`, as
    /// `CreateInteractionAction` does; a missing memory is `Memory [<id>] not found`, another `user`'s a 401.
    public func createMessage(
        memoryID: String, input: String?, promptTemplate: String? = nil, response: String?, origin: String?,
        additionalInfo: JSONObject?, parentMessageID: String?, traceNumber: Int?, user: String? = nil
    ) async throws -> String {
        let id = ids.next()
        let now = InstantTime.now()
        let source = JSONValue.object(ConversationMemory.messageSource(
            memoryID: memoryID, input: input, promptTemplate: promptTemplate, response: response, origin: origin,
            additionalInfo: additionalInfo, parentMessageID: parentMessageID, traceNumber: traceNumber, now: now)).compactText
        let updated = JSONValue.string(now.iso8601)
        // Built and encoded before the transaction: every message write waits for the one writer.
        try await documents.transaction { tx in
            if let user {
                _ = try Self.accessible(tx.document(ConversationMemory.metaIndex, id: memoryID), memoryID, user: user)
            }
            guard try tx.setField("updated_time", to: updated, index: ConversationMemory.metaIndex, id: memoryID) != nil else {
                throw OpenSearchError.resourceNotFound("Memory [\(memoryID)] not found")
            }
            try tx.put(ConversationMemory.messageIndex, id: id, encodedSource: source)
        }
        return id
    }

    /// An AG-UI thread used as a memory (3.6+): no memory document is needed, but a thread id naming no memory is
    /// refused once memories exist (`ConversationMetaIndex.checkAccess`).
    /// With the security plugin, a thread that is another user's memory is refused as that memory would be.
    static func checkThread(_ memoryID: String, user: String?, in tx: DocumentTransaction) throws {
        guard try tx.indexExists(ConversationMemory.metaIndex) else { return }
        _ = try accessible(try tx.document(ConversationMemory.metaIndex, id: memoryID), memoryID, user: user)
    }

    /// A root interaction under an AG-UI thread (3.6+): no parent, no trace number; the memory's `updated_time` is
    /// bumped when the thread has a memory document.
    @discardableResult
    public func createThreadMessage(memoryID: String, input: String, response: String, origin: String?, user: String?) async throws -> String {
        let id = ids.next()
        let now = InstantTime.now()
        let source = ConversationMemory.messageSource(
            memoryID: memoryID, input: input, promptTemplate: nil, response: response, origin: origin, additionalInfo: nil,
            parentMessageID: nil, traceNumber: nil, now: now)
        try await documents.transaction { tx in
            try Self.checkThread(memoryID, user: user, in: tx)
            try tx.put(ConversationMemory.messageIndex, id: id, source: source)
            if var memory = try tx.document(ConversationMemory.metaIndex, id: memoryID)?.source {
                memory["updated_time"] = .string(now.iso8601)
                try tx.put(ConversationMemory.metaIndex, id: memoryID, source: memory)
            }
        }
        return id
    }

    /// The root interactions of an AG-UI thread (``recentInteractions(memoryID:limit:)``), once its id is allowed.
    public func threadInteractions(memoryID: String, limit: Int, user: String?) async throws -> [(input: String?, response: String?)] {
        // With no message yet stored anywhere, the read finds nothing before it checks the thread.
        guard try await documents.indexExists(ConversationMemory.messageIndex) else { return [] }
        if try await documents.indexExists(ConversationMemory.metaIndex) {
            _ = try Self.accessible(try await documents.document(ConversationMemory.metaIndex, id: memoryID), memoryID, user: user)
        }
        return try await recentInteractions(memoryID: memoryID, limit: limit)
    }

    /// `updateInteraction(id, {response[, additional_info]})` at the end of an agent run.
    public func updateMessage(_ id: String, response: String, additionalInfo: JSONObject?) async throws {
        let now = InstantTime.now()
        _ = try await documents.update(ConversationMemory.messageIndex, id: id) { source in
            var next = source
            next["response"] = .string(response)
            if let additionalInfo { next["additional_info"] = .object(additionalInfo) }
            next["updated_time"] = .string(now.iso8601)
            // An update merges into the stored map: new keys land at the end.
            return next
        }
    }

    /// The last `limit` root messages (no `trace_number`) of a memory, oldest first
    /// (`MLMemoryManager.getFinalInteractions`).
    public func recentInteractions(memoryID: String, limit: Int) async throws -> [(input: String?, response: String?)] {
        let messages = try await documents.documents(ConversationMemory.messageIndex, where: "memory_id", equals: memoryID)
            .filter { ($0.source["trace_number"] ?? .null) == .null }
            .sorted { Self.time($0) < Self.time($1) }
        return messages.suffix(limit).map { ($0.source["input"]?.stringValue, $0.source["response"]?.stringValue) }
    }

    static func time(_ document: StoredDocument) -> InstantTime {
        document.source["create_time"]?.stringValue.flatMap(InstantTime.init(iso8601:)) ?? InstantTime(seconds: 0, nanoseconds: 0)
    }
}
