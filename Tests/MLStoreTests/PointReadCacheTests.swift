import Foundation
import MLCommonsCore
@testable import MLStore
import Testing

@Suite("Point-read cache")
struct PointReadCacheTests {
    /// Reads after a write see the write, whether the document, its index or neither existed before.
    @Test func everyWriteIsSeenByTheNextRead() async throws {
        let path = MLDatabaseTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = DocumentStore(database: try MLDatabase(location: .file(path)))
        guard case .noIndex = try await store.lookup("things", id: "a") else { Issue.record("an index appeared"); return }
        _ = try await store.put("things", id: "b", source: ["n": 1])
        guard case .noDocument = try await store.lookup("things", id: "a") else { Issue.record("a document appeared"); return }
        _ = try await store.put("things", id: "a", source: ["n": 1])
        #expect(try await store.document("things", id: "a")?.source == ["n": 1])
        _ = try await store.update("things", id: "a") { _ in ["n": 2] }
        #expect(try await store.document("things", id: "a")?.source == ["n": 2])
        _ = try await store.delete("things", id: "a")
        #expect(try await store.document("things", id: "a") == nil)
        _ = try await store.transaction { try $0.put("things", id: "a", source: ["n": 3]) }
        #expect(try await store.document("things", id: "a")?.source == ["n": 3])
        try await store.deleteIndex("things")
        guard case .noIndex = try await store.lookup("things", id: "a") else { Issue.record("the index survived"); return }
    }

    /// A fill that read before a commit is refused once the commit has moved the generation on.
    @Test func aReadFromBeforeACommitIsNotKept() {
        let cache = PointReadCache()
        let stale = StoredDocument(index: "i", id: "d", version: 1, seqNo: 0, primaryTerm: 1, source: ["n": 1])
        let (_, before) = cache.lookup("i", id: "d")
        cache.invalidate()
        cache.fill("i", id: "d", with: .found(stale), documentBytes: 7, generation: before)
        #expect(cache.lookup("i", id: "d").hit == nil)
        let (_, now) = cache.lookup("i", id: "d")
        cache.fill("i", id: "d", with: .found(stale), documentBytes: 7, generation: now)
        guard case .found(let kept)? = cache.lookup("i", id: "d").hit else { Issue.record("not kept"); return }
        #expect(kept == stale)
        cache.fill("i", id: "big", with: .noDocument, documentBytes: PointReadCache.maximumDocumentBytes + 1, generation: now)
        #expect(cache.lookup("i", id: "big").hit == nil)
    }
}
