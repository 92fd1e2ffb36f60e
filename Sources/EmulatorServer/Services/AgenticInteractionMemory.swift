import Agents
import MLCommonsCore
import MLStore

/// A V1 agent's interactions in an agentic memory session (`AgenticConversationMemory.save`, `update`, `getMessages`):
/// the root interaction a `message` document, each trace a `trace` document numbered by `message_id`, the answer
/// merged into the root's `structured_data_blob`.
struct AgenticInteractionMemory: AgenticInteractions {
    let session: AgenticSession

    var sessionID: String { session.sessionID }

    /// Opens the run's session and writes its root interaction (`createParentInteractionAndExecute`); with both
    /// `memory_id` and `parent_interaction_id` given, the run continues that interaction and writes no root.
    static func prepare(
        _ definition: AgentDefinition, input: [String: String], user: SecurityUser?, emulator: Emulator
    ) async throws -> (memory: AgenticInteractionMemory, parentInteractionID: String) {
        let containerID = try AgenticSession.containerID(of: definition, input: input)
        let session = try await AgenticSession.open(
            containerID: containerID, memoryID: input["memory_id"], summary: input["question"], owner: user, emulator: emulator)
        let memory = AgenticInteractionMemory(session: session)
        if input["memory_id"] != nil, let parent = input["parent_interaction_id"] { return (memory, parent) }
        let now = InstantTime.now()
        let blob = JavaHashMapOrder.ordered([
            "input": .string(input["question"] ?? ""), "response": "", "final_answer": true,
            "create_time": .string(now.iso8601), "updated_time": .string(now.iso8601),
        ])
        let root = session.document(blob: blob, metadata: ["type": "message"], now: now.epochMillis)
        return (memory, try await session.add(root, now: now.epochMillis))
    }

    func trace(input: String, response: String, origin: String, parentInteractionID: String, number: Int) async throws {
        let now = InstantTime.now()
        let blob = JavaHashMapOrder.ordered([
            "input": .string(input), "response": .string(response), "parent_message_id": .string(parentInteractionID),
            "trace_number": .number(JSONNumber(number)), "origin": .string(origin),
            "create_time": .string(now.iso8601), "updated_time": .string(now.iso8601),
        ])
        let metadata: JSONObject = [
            "type": "trace", "parent_message_id": .string(parentInteractionID), "trace_number": .string(String(number)),
            "origin": .string(origin),
        ]
        try await session.add(session.document(messageID: number, blob: blob, metadata: metadata, now: now.epochMillis), now: now.epochMillis)
    }

    /// `update`: the root's blob copied into a new `HashMap` with the answer and a new `updated_time`, the document
    /// copied the same way with a new `last_updated_time` and indexed again.
    func complete(_ interactionID: String, response: String, additionalInfo: JSONObject?) async throws {
        guard let index = session.workingIndex else { throw OpenSearchError.statusException("Memory not found", status: 404) }
        let now = InstantTime.now()
        // Read and written in one transaction, so a concurrent update cannot be lost.
        let updated = try await session.emulator.documents.update(index, id: interactionID) { source in
            var blob = source["structured_data_blob"]?.objectValue ?? JSONObject()
            let presized = JavaHashMapOrder.presizedCapacity(for: blob.count)
            blob["response"] = .string(response)
            if let additionalInfo { blob["additional_info"] = .object(additionalInfo) }
            blob["updated_time"] = .string(now.iso8601)
            var document = source
            document["structured_data_blob"] = .object(JavaHashMapOrder.ordered(blob, initialCapacity: presized))
            document["last_updated_time"] = .number(JSONNumber(text: String(now.epochMillis)))
            return JavaHashMapOrder.ordered(document, initialCapacity: JavaHashMapOrder.presizedCapacity(for: source.count))
        }
        if updated == nil { throw OpenSearchError.statusException("Memory not found", status: 404) }
    }

    /// `getMessages(limit)`: the session's documents that are not traces, oldest first, at most `limit` of them (its
    /// search sorts `created_time` ascending, so a long session keeps returning its first turns); those with an input
    /// or a response.
    func history(limit: Int) async throws -> [(input: String?, response: String?)] {
        let documents = try await session.workingDocuments()
            .filter { $0.source["metadata"]?["type"]?.stringValue != "trace" }
            .enumerated().sorted { lhs, rhs in
                let (left, right) = (Self.created(lhs.element), Self.created(rhs.element))
                return left != right ? left < right : lhs.offset < rhs.offset
            }
            .prefix(limit).map(\.element)
        return documents.compactMap { document in
            guard let blob = document.source["structured_data_blob"]?.objectValue, blob["input"] != nil || blob["response"] != nil
            else { return nil }
            return (blob["input"]?.stringValue, blob["response"]?.stringValue)
        }
    }

    private static func created(_ document: StoredDocument) -> Int64 {
        document.source["created_time"]?.numberValue.flatMap { Int64($0.text) } ?? 0
    }
}
