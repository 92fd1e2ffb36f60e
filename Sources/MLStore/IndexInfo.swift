import MLCommonsCore

/// What `_cat/indices` and the ListIndexTool report about one index.
public struct IndexInfo: Sendable, Hashable {
    public let name: String
    public let uuid: String
    public let mappings: JSONObject
    public let settings: JSONObject
    public let createdAt: Int64
    public let documentCount: Int
    /// Always 0: deletes are merged away at once, so search statistics never count them either.
    public var deletedCount: Int { 0 }
    /// Bytes of stored `_source`, the basis of the size columns.
    public let storeBytes: Int
}
