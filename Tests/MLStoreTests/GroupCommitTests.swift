import Foundation
import GRDB
import MLCommonsCore
@testable import MLStore
import Testing

@Suite("Group commit")
struct GroupCommitTests {
    /// Many writers at once: every write lands with its own sequence number and version, and a write that
    /// breaks a constraint fails alone while the writes beside it in the same batch are kept.
    @Test func concurrentWritesCommitTogetherAndFailAlone() async throws {
        let path = MLDatabaseTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = DocumentStore(database: try MLDatabase(location: .file(path)))
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for writer in 0..<64 {
                group.addTask {
                    // Every eighth id is longer than the schema allows.
                    let id = writer % 8 == 7 ? String(repeating: "x", count: 600) : "doc-\(writer)"
                    let stored = (try? await store.put("messages", id: id, source: ["n": .number(JSONNumber(writer))])) != nil
                    return (writer, stored)
                }
            }
            return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
        }
        #expect(outcomes.filter(\.value).count == 56)
        #expect(outcomes.filter { !$0.value }.keys.allSatisfy { $0 % 8 == 7 })

        // Read back from a second connection to the file: what was acknowledged is committed.
        let reopened = DocumentStore(database: try MLDatabase(location: .file(path)))
        let documents = try await reopened.documents("messages")
        #expect(documents.count == 56)
        #expect(Set(documents.map(\.seqNo)).count == 56)
        #expect(documents.allSatisfy { $0.source["n"]?.numberValue?.intValue.map { $0 % 8 != 7 } == true })
    }

    @Test func aLookupTellsAMissingIndexFromAMissingDocument() async throws {
        let store = DocumentStore(database: try MLDatabase(location: .inMemory))
        guard case .noIndex = try await store.lookup("agents", id: "a") else { Issue.record("expected no index"); return }
        _ = try await store.put("agents", id: "a", source: ["name": "first"])
        guard case .noDocument = try await store.lookup("agents", id: "b") else { Issue.record("expected no document"); return }
        guard case .found(let found) = try await store.lookup("agents", id: "a") else { Issue.record("expected the document"); return }
        #expect(found.source == ["name": "first"])
        #expect(found.version == 1)
    }
}
