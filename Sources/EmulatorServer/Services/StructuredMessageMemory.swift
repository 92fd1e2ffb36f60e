import MLCommonsCore
import MLStore

/// A unified agent's conversation in agentic memory (`getStructuredMessages`, `saveStructuredMessages`): each message
/// a working-memory document of the session, numbered by `message_id`.
struct StructuredMessageMemory: Sendable {
    let session: AgenticSession

    /// The session: the run's `memory_id`.
    var sessionID: String { session.sessionID }

    /// The session's structured messages by `message_id` (other working memory is not conversation).
    func messages() async throws -> [(id: Int32, message: UnifiedMessage)] {
        try await session.workingDocuments().compactMap { document -> (Int32, UnifiedMessage)? in
            let source = document.source
            guard source["metadata"]?["type"]?.stringValue == "structured_message",
                let message = source["structured_data_blob"]?["message"]?.objectValue
            else { return nil }
            // A Java `Integer`: a stored id past its range (any client may write the index) is read as it wraps.
            let id = Int32(truncatingIfNeeded: source["message_id"]?.numberValue.flatMap { Int64($0.text) } ?? 0)
            return (id, UnifiedMessage(stored: message))
        }.sorted { $0.0 < $1.0 }
    }

    /// `saveStructuredMessages`: one document per message, numbered from `firstID`; the id after the last.
    @discardableResult
    func save(_ messages: [UnifiedMessage], from firstID: Int32) async throws -> Int32 {
        for (offset, message) in messages.enumerated() {
            let now = session.emulator.nowMillis()
            var metadata: JSONObject = ["type": "structured_message"]
            if let role = message.role { metadata["role"] = .string(role) }
            let document = session.document(
                messageID: Int(firstID &+ Int32(offset)), blob: ["message": .object(message.storedJSON)], metadata: metadata, now: now)
            try await session.add(document, now: now)
        }
        return firstID &+ Int32(truncatingIfNeeded: messages.count)
    }
}
