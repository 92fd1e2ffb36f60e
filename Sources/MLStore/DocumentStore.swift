import GRDB
import MLCommonsCore

/// Indices and their JSON documents: the storage every resource family sits on, shaped like the
/// OpenSearch indices ml-commons writes to.
public struct DocumentStore: Sendable {
    private let database: MLDatabase
    private var writer: any DatabaseWriter { database.writer }

    public init(database: MLDatabase) { self.database = database }

    // MARK: Indices

    public func indexExists(_ name: String) async throws -> Bool {
        try pointRead { db in try Self.indexExists(name, db) }
    }

    /// Creates an index unless it exists; returns whether it was created.
    @discardableResult
    public func createIndex(
        _ name: String, mappings: JSONObject = JSONObject(), settings: JSONObject = JSONObject()
    ) async throws -> Bool {
        try await write { db in try Self.createIndexIfAbsent(name, mappings: mappings, settings: settings, db) }
    }

    /// Deletes an index and its documents; returns whether it existed.
    @discardableResult
    public func deleteIndex(_ name: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM indices WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    /// Every index with live counts, in creation order.
    ///
    /// Reads here are one statement each, atomic on its own, so they run on a reader without the transaction
    /// `read` opens (whose BEGIN and COMMIT are compiled again each time).
    public func indices() async throws -> [IndexInfo] {
        try await writer.unsafeRead { db in try Self.indexInfos(nil, db) }
    }

    /// One index with live counts, or nil when it does not exist.
    public func index(_ name: String) async throws -> IndexInfo? {
        try await writer.unsafeRead { db in try Self.indexInfos(name, db).first }
    }


    // MARK: Documents

    public func document(_ index: String, id: String) async throws -> StoredDocument? {
        if case .found(let document) = try await lookup(index, id: id) { return document }
        return nil
    }

    /// A document by id, or which of the document and its index is missing.
    public func lookup(_ index: String, id: String) async throws -> DocumentLookup {
        let cache = database.pointReads
        let (hit, generation) = cache.lookup(index, id: id)
        if let hit { return hit }
        let (lookup, bytes) = try pointRead { db -> (DocumentLookup, Int) in
            let row = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT d.* FROM indices i LEFT JOIN documents d ON d.index_name = i.name AND d.id = ?2
                    WHERE i.name = ?1
                    """), arguments: [index, id])
            guard let row else { return (.noIndex, 0) }
            guard let source = row["source"] as String? else { return (.noDocument, 0) }
            return (.found(try Self.decode(row)), source.utf8.count)
        }
        cache.fill(index, id: id, with: lookup, documentBytes: bytes, generation: generation)
        return lookup
    }

    /// All documents of an index in write order (empty when the index is missing).
    public func documents(_ index: String) async throws -> [StoredDocument] {
        try await writer.unsafeRead { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM documents WHERE index_name = ? ORDER BY rowid"), arguments: [index]
            ).map(Self.decode)
        }
    }

    /// The first document of an index in write order (`sort: _doc`, `size: 1`), without reading the rest.
    public func firstDocument(_ index: String) async throws -> StoredDocument? {
        try await writer.unsafeRead { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM documents WHERE index_name = ? ORDER BY rowid LIMIT 1"), arguments: [index]
            ).map(Self.decode)
        }
    }

    /// Documents whose top-level string field equals a value.
    public func documents(_ index: String, where field: String, equals value: String) async throws -> [StoredDocument] {
        try await writer.unsafeRead { db in try Self.documents(index, where: field, equals: value, db) }
    }

    /// Indexes a document (creating the index if needed), replacing any document with the same id.
    public func put(_ index: String, id: String, source: JSONObject) async throws -> WriteResult {
        try await write { db in try Self.put(index, id: id, source: source, db) }
    }

    /// Rewrites an existing document; nil when the document (or its index) is missing.
    public func update(
        _ index: String, id: String, _ transform: @escaping @Sendable (JSONObject) throws -> JSONObject
    ) async throws -> WriteResult? {
        try await write { db in
            guard let current = try Self.fetch(index, id: id, db) else { return nil }
            let source = try transform(current.source)
            return try Self.put(index, id: id, source: source, db)
        }
    }

    /// Deletes a document; `not_found` when it is absent from an existing index, nil when the index is missing.
    public func delete(_ index: String, id: String) async throws -> WriteResult? {
        try await write { db in try Self.delete(index, id: id, db) }
    }

    /// Runs several document operations atomically.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (DocumentTransaction) throws -> T) async throws -> T {
        try await write { db in try body(DocumentTransaction(db: db)) }
    }

    /// A write whose constraint failures come back as ``StoreError/constraintViolated(_:)``, so bad input is
    /// told apart from a broken store; it commits with the writes that arrive alongside it.
    private func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await database.groupCommit.write(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.constraintViolated(error.message ?? "constraint failed")
        }
    }

    /// A read of one row, run on the calling thread: the hops to GRDB's reader queue and back cost
    /// more than the read (a `GET` by id ran at a quarter of the rate of `GET /`). Scans stay on the reader
    /// queues, off the few threads that serve requests.
    /// Each body is one statement, atomic on its own, so it skips the transaction a `read` opens around it.
    private func pointRead<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.unsafeRead(body)
    }

    // MARK: Shared SQL

    static func indexExists(_ name: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS(SELECT 1 FROM indices WHERE name = ?)"), arguments: [name]) ?? false
    }

    /// The indices (all, or the one named) with document counts and stored bytes, in creation order.
    /// - Parameter statistics: whether to report the counts the triggers keep (a write needs only the definition).
    static func indexInfos(_ name: String?, statistics: Bool = true, _ db: Database) throws -> [IndexInfo] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: statistics ? """
            SELECT name, uuid, mappings, settings, created_at, doc_count AS docs, store_chars AS bytes
            FROM indices WHERE ?1 IS NULL OR name = ?1 ORDER BY rowid
            """ : """
            SELECT name, uuid, mappings, settings, created_at, 0 AS docs, 0 AS bytes
            FROM indices WHERE ?1 IS NULL OR name = ?1 ORDER BY rowid
            """), arguments: [name])
        return rows.map { row in
            IndexInfo(
                name: row["name"], uuid: row["uuid"],
                mappings: (try? JSONParser.parse(row["mappings"] as String))?.objectValue ?? JSONObject(),
                settings: (try? JSONParser.parse(row["settings"] as String))?.objectValue ?? JSONObject(),
                createdAt: row["created_at"], documentCount: row["docs"],
                storeBytes: row["bytes"])
        }
    }

    static func setMappings(_ name: String, _ mappings: JSONObject, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE indices SET mappings = ? WHERE name = ?",
            arguments: [JSONValue.object(mappings).compactText, name])
    }

    static func createIndexIfAbsent(_ name: String, mappings: JSONObject, settings: JSONObject, _ db: Database) throws -> Bool {
        guard try !indexExists(name, db) else { return false }
        try db.execute(
            sql: "INSERT INTO indices (name, uuid, mappings, settings, created_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                name, DocumentIDGenerator.randomBase64UUID(), JSONValue.object(mappings).compactText,
                JSONValue.object(settings).compactText, InstantTime.now().epochMillis,
            ])
        return true
    }

    static func fetch(_ index: String, id: String, _ db: Database) throws -> StoredDocument? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM documents WHERE index_name = ? AND id = ?"), arguments: [index, id]
        ).map(decode)
    }

    static func put(_ index: String, id: String, source: JSONObject, _ db: Database) throws -> WriteResult {
        try put(index, id: id, encodedSource: JSONValue.object(source).compactText, db)
    }

    /// Two statements (the sequence number, then the upsert that counts the version): a write's cost is mostly
    /// its statements, and message writes share one writer.
    static func put(_ index: String, id: String, encodedSource: String, _ db: Database) throws -> WriteResult {
        let seqNo: Int
        if let next = try nextSeqNo(index, db) {
            seqNo = next
        } else {
            _ = try createIndexIfAbsent(index, mappings: JSONObject(), settings: JSONObject(), db)
            seqNo = try nextSeqNo(index, db) ?? 0
        }
        let version = try Int.fetchOne(db.cachedStatement(sql: """
            INSERT INTO documents (index_name, id, version, seq_no, primary_term, source) VALUES (?, ?, 1, ?, 1, ?)
            ON CONFLICT (index_name, id) DO UPDATE SET version = version + 1, seq_no = excluded.seq_no,
                source = excluded.source
            RETURNING version
            """), arguments: [index, id, seqNo, encodedSource]) ?? 1
        return WriteResult(
            index: index, id: id, version: version, outcome: version == 1 ? .created : .updated, seqNo: seqNo,
            primaryTerm: 1)
    }

    /// Sets one top-level field of a stored document, in place when present and last otherwise, as a map
    /// update does, without parsing the document in Swift; nil when the document (or its index) is missing.
    static func setField(_ field: String, to value: JSONValue, index: String, id: String, _ db: Database) throws -> WriteResult? {
        let path = "$." + JSONValue.string(field).compactText
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            UPDATE documents SET source = json_set(source, ?1, json(?2)), version = version + 1,
                seq_no = (SELECT next_seq_no FROM indices WHERE name = ?3)
            WHERE index_name = ?3 AND id = ?4 RETURNING version, seq_no
            """), arguments: [path, value.compactText, index, id])
        else { return nil }
        try db.cachedStatement(sql: "UPDATE indices SET next_seq_no = next_seq_no + 1 WHERE name = ?").execute(arguments: [index])
        return WriteResult(index: index, id: id, version: row["version"], outcome: .updated, seqNo: row["seq_no"], primaryTerm: 1)
    }

    static func delete(_ index: String, id: String, _ db: Database) throws -> WriteResult? {
        guard let seqNo = try nextSeqNo(index, db) else { return nil }
        let previous = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT version FROM documents WHERE index_name = ? AND id = ?"), arguments: [index, id])
        guard let previous else {
            return WriteResult(index: index, id: id, version: 1, outcome: .notFound, seqNo: seqNo, primaryTerm: 1)
        }
        try db.cachedStatement(sql: "DELETE FROM documents WHERE index_name = ? AND id = ?").execute(arguments: [index, id])
        return WriteResult(index: index, id: id, version: previous + 1, outcome: .deleted, seqNo: seqNo, primaryTerm: 1)
    }

    /// Takes the index's next sequence number; nil when the index does not exist.
    private static func nextSeqNo(_ index: String, _ db: Database) throws -> Int? {
        try Int.fetchOne(
            db.cachedStatement(sql: "UPDATE indices SET next_seq_no = next_seq_no + 1 WHERE name = ? RETURNING next_seq_no - 1"),
            arguments: [index])
    }

    static func documents(_ index: String, where field: String, equals value: String, _ db: Database) throws -> [StoredDocument] {
        try Row.fetchAll(db.cachedStatement(sql: Schema.fieldLookup(index: index, field: field)), arguments: [value])
            .map(decode)
    }

    static func decode(_ row: Row) throws -> StoredDocument {
        let index: String = row["index_name"]
        let id: String = row["id"]
        guard case .object(let source)? = try? JSONParser.parse(row["source"] as String) else {
            throw StoreError.corruptDocument(index: index, id: id)
        }
        return StoredDocument(
            index: index, id: id, version: row["version"], seqNo: row["seq_no"], primaryTerm: row["primary_term"],
            source: source)
    }
}
