import MLCommonsCore
import MLStore

/// A unified agent's conversation in agentic memory (`getStructuredMessages`, `saveStructuredMessages`): each message
/// a working-memory document of the session, numbered by `message_id`.
struct StructuredMessageMemory: Sendable {
    let session: AgenticSession

    /// The session: the run's `memory_id`.
    var sessionID: String { session.sessionID }

    /// The session's structured messages by `message_id` (other working memory is not conversation).
    func messages() async throws -> [(id: Int, message: UnifiedMessage)] {
        try await session.workingDocuments().compactMap { document -> (Int, UnifiedMessage)? in
            let source = document.source
            guard source["metadata"]?["type"]?.stringValue == "structured_message",
                let message = source["structured_data_blob"]?["message"]?.objectValue
            else { return nil }
            return (source["message_id"]?.numberValue?.intValue ?? 0, UnifiedMessage(stored: message))
        }.sorted { $0.0 < $1.0 }
    }

    /// `saveStructuredMessages`: one document per message, numbered from `firstID`; the id after the last.
    @discardableResult
    func save(_ messages: [UnifiedMessage], from firstID: Int) async throws -> Int {
        for (offset, message) in messages.enumerated() {
            let now = session.emulator.nowMillis()
            var metadata: JSONObject = ["type": "structured_message"]
            if let role = message.role { metadata["role"] = .string(role) }
            let fields: JSONObject = [
                "message_id": .number(JSONNumber(firstID + offset)), "structured_data_blob": ["message": .object(message.storedJSON)],
            ]
            try await session.add(session.document(fields, metadata: metadata, now: now), now: now)
        }
        return firstID + messages.count
    }
}
