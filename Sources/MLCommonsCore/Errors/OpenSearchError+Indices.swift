extension OpenSearchError {
    /// How index resolution names the missing resource: `index_or_alias` when wildcards may expand (search,
    /// get index, mapping, delete index), `index_expression` for single-index operations (documents).
    public enum IndexResource: String, Sendable {
        case indexOrAlias = "index_or_alias"
        case indexExpression = "index_expression"
    }

    /// `IndexNotFoundException` (404): `no such index [<name>]` with its resource metadata.
    public static func indexNotFound(_ name: String, resource: IndexResource = .indexOrAlias) -> OpenSearchError {
        OpenSearchError(
            "IndexNotFoundException", reason: "no such index [\(name)]", status: 404,
            metadata: exceptionMetadata([
                ("index", name), ("index_uuid", "_na_"), ("resource.type", resource.rawValue), ("resource.id", name),
            ]))
    }

    /// `ResourceAlreadyExistsException` (400): `index [<name>/<uuid>] already exists`.
    public static func indexAlreadyExists(_ name: String, uuid: String) -> OpenSearchError {
        OpenSearchError(
            "ResourceAlreadyExistsException", reason: "index [\(name)/\(uuid)] already exists", status: 400,
            metadata: exceptionMetadata([("index", name), ("index_uuid", uuid)]))
    }

    /// `SearchPhaseExecutionException` ("all shards failed") around a failure every shard of `index` gave:
    /// grouped shard failures, and the failure twice in the cause chain (wrapper, then the exception itself).
    public static func allShardsFailed(index: String, nodeID: String, failure: OpenSearchError) -> OpenSearchError {
        let shardReason: JSONObject = ["type": .string(failure.type), "reason": .string(failure.reason)]
        let shard: JSONObject = [
            "shard": 0, "index": .string(index), "node": .string(nodeID), "reason": .object(shardReason),
        ]
        return OpenSearchError(
            "SearchPhaseExecutionException", reason: "all shards failed", status: failure.status,
            metadata: ["phase": "query", "grouped": true, "failed_shards": [.object(shard)]],
            cause: OpenSearchError(failure.javaClass, reason: failure.reason, status: failure.status, cause: failure))
    }

    /// `InvalidIndexNameException` (400): `Invalid index name [<name>], <why>`.
    public static func invalidIndexName(_ name: String, _ why: String) -> OpenSearchError {
        OpenSearchError(
            "InvalidIndexNameException", reason: "Invalid index name [\(name)], \(why)", status: 400,
            metadata: exceptionMetadata([("index", name), ("index_uuid", "_na_")]))
    }

    /// `OpenSearchException` keeps its metadata in a `HashMap` keyed `opensearch.<name>`; the envelope
    /// lists them in that map's order with the prefix stripped.
    static func exceptionMetadata(_ pairs: [(String, String)]) -> JSONObject {
        let prefixed = JSONObject(pairs.map { ("opensearch." + $0.0, JSONValue.string($0.1)) })
        return JSONObject(JavaHashMapOrder.ordered(prefixed).map { (String($0.key.dropFirst(11)), $0.value) })
    }
}
