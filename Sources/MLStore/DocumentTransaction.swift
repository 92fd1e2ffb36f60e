import GRDB
import MLCommonsCore

/// Document operations inside one SQLite transaction (e.g. a model and its group written together).
public struct DocumentTransaction {
    let db: Database

    public func document(_ index: String, id: String) throws -> StoredDocument? {
        try DocumentStore.fetch(index, id: id, db)
    }

    public func indexExists(_ name: String) throws -> Bool { try DocumentStore.indexExists(name, db) }

    /// One index with live counts, or nil when it does not exist.
    public func index(_ name: String) throws -> IndexInfo? { try DocumentStore.indexInfos(name, db).first }

    /// The index's name, mappings and settings, without counting its documents (its counts read 0).
    public func indexDefinition(_ name: String) throws -> IndexInfo? {
        try DocumentStore.indexInfos(name, statistics: false, db).first
    }

    /// Creates an index unless it exists; returns whether it was created.
    @discardableResult
    public func createIndex(_ name: String, mappings: JSONObject, settings: JSONObject) throws -> Bool {
        try DocumentStore.createIndexIfAbsent(name, mappings: mappings, settings: settings, db)
    }

    /// Replaces an index's mappings (dynamic mapping adds fields as documents arrive).
    public func setMappings(_ name: String, _ mappings: JSONObject) throws {
        try DocumentStore.setMappings(name, mappings, db)
    }

    @discardableResult
    public func put(_ index: String, id: String, source: JSONObject) throws -> WriteResult {
        try DocumentStore.put(index, id: id, source: source, db)
    }

    /// ``put(_:id:source:)`` with the source already encoded (`compactText`), so the encoding can happen before the
    /// transaction, off the one writer.
    @discardableResult
    public func put(_ index: String, id: String, encodedSource: String) throws -> WriteResult {
        try DocumentStore.put(index, id: id, encodedSource: encodedSource, db)
    }

    /// Sets one top-level field, in place when present and last otherwise (as assigning it in the parsed
    /// source and putting it back would); nil when the document or its index is missing.
    @discardableResult
    public func setField(_ field: String, to value: JSONValue, index: String, id: String) throws -> WriteResult? {
        try DocumentStore.setField(field, to: value, index: index, id: id, db)
    }

    public func delete(_ index: String, id: String) throws -> WriteResult? {
        try DocumentStore.delete(index, id: id, db)
    }

    /// Documents whose top-level string field equals a value.
    public func documents(_ index: String, where field: String, equals value: String) throws -> [StoredDocument] {
        try DocumentStore.documents(index, where: field, equals: value, db)
    }
}
