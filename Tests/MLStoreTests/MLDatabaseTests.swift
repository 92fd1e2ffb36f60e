import Foundation
import GRDB
import MLCommonsCore
@testable import MLStore
import Testing

@Suite("SQLite store")
struct MLDatabaseTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mlstore-\(UUID().uuidString).sqlite").path
    }

    @Test func migrationsAreNamedAndApplied() async throws {
        let database = try MLDatabase(location: .inMemory)
        #expect(try await database.appliedMigrations() == ["v1-indices-documents-settings", "v2-deletes-merged-at-once", "v3-message-lookups", "v4-index-counts"])
    }

    @Test func aNewerSchemaIsRefusedWithAClearMessage() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try MLDatabase(location: .file(path))
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        #expect {
            _ = try MLDatabase(location: .file(path))
        } throws: { error in
            String(describing: error)
                == "the data file was written by a newer ml-commons-emulator (unknown schema migrations: v99-from-the-future); upgrade the emulator or choose another --data path"
        }
    }

    /// A data file of the first schema, with a deleted-documents count, opens with its documents intact.
    @Test func firstSchemaFilesMigrate() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                INSERT INTO grdb_migrations VALUES ('v1-indices-documents-settings');
                CREATE TABLE indices (name TEXT PRIMARY KEY NOT NULL, uuid TEXT NOT NULL UNIQUE,
                    mappings TEXT NOT NULL DEFAULT '{}', settings TEXT NOT NULL DEFAULT '{}', created_at INTEGER NOT NULL,
                    next_seq_no INTEGER NOT NULL DEFAULT 0, docs_deleted INTEGER NOT NULL DEFAULT 0 CHECK (docs_deleted >= 0));
                CREATE TABLE documents (index_name TEXT NOT NULL REFERENCES indices(name) ON DELETE CASCADE, id TEXT NOT NULL,
                    version INTEGER NOT NULL, seq_no INTEGER NOT NULL, primary_term INTEGER NOT NULL DEFAULT 1,
                    source TEXT NOT NULL, PRIMARY KEY (index_name, id));
                CREATE TABLE cluster_settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE secrets (name TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL);
                INSERT INTO indices (name, uuid, created_at, next_seq_no, docs_deleted) VALUES ('movies', 'u', 1, 2, 1);
                INSERT INTO documents (index_name, id, version, seq_no, source) VALUES ('movies', '1', 1, 0, '{"title":"Dune"}');
                """)
        }
        try queue.close()
        let store = DocumentStore(database: try MLDatabase(location: .file(path)))
        #expect(try await store.document("movies", id: "1")?.source == ["title": "Dune"])
        #expect(try await store.index("movies")?.deletedCount == 0)
        #expect(try await store.put("movies", id: "2", source: [:]).seqNo == 2)
    }

    @Test func documentsKeepVersionsSeqNosAndKeyOrder() async throws {
        let store = DocumentStore(database: try MLDatabase(location: .inMemory))
        let first = try await store.put(".plugins-ml-agent", id: "a", source: ["z": 1, "a": 2])
        #expect(first == WriteResult(index: ".plugins-ml-agent", id: "a", version: 1, outcome: .created, seqNo: 0, primaryTerm: 1))
        let second = try await store.put(".plugins-ml-agent", id: "a", source: ["z": 3, "a": 4])
        #expect(second.version == 2)
        #expect(second.outcome == .updated)
        #expect(second.seqNo == 1)
        let stored = try #require(try await store.document(".plugins-ml-agent", id: "a"))
        #expect(stored.source.keys == ["z", "a"])
        let deleted = try await store.delete(".plugins-ml-agent", id: "a")
        #expect(deleted?.outcome == .deleted)
        #expect(try await store.delete(".plugins-ml-agent", id: "a")?.outcome == .notFound)
        #expect(try await store.delete(".missing", id: "a") == nil)
    }

    /// A field set in SQL reads back as setting it in the parsed source and putting it back would: in place when
    /// present, last when new, the rest of the text untouched, with the next version and sequence number.
    @Test func aFieldSetInPlaceKeepsTheDocumentsTextAndCountsAsAnUpdate() async throws {
        let store = DocumentStore(database: try MLDatabase(location: .inMemory))
        let text = #"{"name":"caf\u00e9 \"x\"","n":1.50e3,"updated_time":"old","tags":[1,{"a":null}]}"#
        guard case .object(let source) = try JSONParser.parse(text) else { Issue.record("not an object"); return }
        _ = try await store.put("meta", id: "m", source: source)
        _ = try await store.put("meta", id: "other", source: [:])
        let updated = try await store.transaction { tx in
            (try tx.setField("updated_time", to: .string("new"), index: "meta", id: "m"),
             try tx.setField("added", to: .object(["k": true]), index: "meta", id: "m"),
             try tx.setField("updated_time", to: .string("x"), index: "meta", id: "missing"),
             try tx.setField("updated_time", to: .string("x"), index: "no-such-index", id: "m"))
        }
        #expect(updated.0 == WriteResult(index: "meta", id: "m", version: 2, outcome: .updated, seqNo: 2, primaryTerm: 1))
        #expect(updated.1?.version == 3)
        #expect(updated.1?.seqNo == 3)
        #expect(updated.2 == nil)
        #expect(updated.3 == nil)
        let stored = try #require(try await store.document("meta", id: "m"))
        var expected = source
        expected["updated_time"] = .string("new")
        expected["added"] = .object(["k": true])
        #expect(stored.source == expected)
        #expect(stored.source.keys == ["name", "n", "updated_time", "tags", "added"])
        #expect(try await store.put("meta", id: "next", source: [:]).seqNo == 4)
    }

    @Test func schemaConstraintsRejectInvalidRows() async throws {
        let database = try MLDatabase(location: .inMemory)
        let store = DocumentStore(database: database)
        try await store.createIndex("idx")
        await #expect(throws: (any Error).self) {
            try await database.writer.write { db in
                try db.execute(sql: "INSERT INTO documents (index_name, id, version, seq_no, source) VALUES ('idx', 'x', 1, 0, 'not json')")
            }
        }
        await #expect(throws: (any Error).self) {
            try await database.writer.write { db in
                try db.execute(sql: "INSERT INTO documents (index_name, id, version, seq_no, source) VALUES ('no-such-index', 'x', 1, 0, '{}')")
            }
        }
    }

    @Test func credentialsRoundTripAndAreNotPlaintext() throws {
        let cipher = CredentialCipher(key: CredentialCipher.key(fromText: "test master key"))
        let sealed = try cipher.encrypt(["api_key": "sk-123"])
        #expect(sealed["api_key"]?.stringValue != "sk-123")
        #expect(try cipher.decrypt(sealed) == ["api_key": "sk-123"])
    }

    @Test func persistentSettingsSurviveReopening() async throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await SettingsStore(database: try MLDatabase(location: .file(path))).savePersistent([
            "plugins.ml_commons.stream_enabled": .string("true"), "x.list": .list(["a", "b"]),
        ])
        let loaded = try await SettingsStore(database: try MLDatabase(location: .file(path))).loadPersistent()
        #expect(loaded == ["plugins.ml_commons.stream_enabled": .string("true"), "x.list": .list(["a", "b"])])
    }
}
