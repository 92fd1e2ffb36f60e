/// The outcome of indexing, updating or deleting one document, rendered as `DocWriteResponse`.
public struct WriteResult: Sendable, Hashable {
    /// `DocWriteResponse.Result` in its lower-case wire form.
    public enum Outcome: String, Sendable {
        case created, updated, deleted
        case notFound = "not_found"
        case noop
    }

    public let index: String
    public let id: String
    public let version: Int
    public let outcome: Outcome
    public let seqNo: Int
    public let primaryTerm: Int

    public init(index: String, id: String, version: Int, outcome: Outcome, seqNo: Int, primaryTerm: Int) {
        self.index = index
        self.id = id
        self.version = version
        self.outcome = outcome
        self.seqNo = seqNo
        self.primaryTerm = primaryTerm
    }

    /// `_index,_id,_version,result,forced_refresh,_shards,_seq_no,_primary_term`; ml-commons writes
    /// with `RefreshPolicy.IMMEDIATE`, hence `forced_refresh`. `shardsTotal` counts the primary and its
    /// replicas; on one node only the primary succeeds.
    public func json(forcedRefresh: Bool = true, shardsTotal: Int = 1) -> JSONValue {
        var object: JSONObject = [
            "_index": .string(index), "_id": .string(id), "_version": .number(JSONNumber(version)),
            "result": .string(outcome.rawValue),
        ]
        if forcedRefresh { object["forced_refresh"] = true }
        object["_shards"] = ["total": .number(JSONNumber(shardsTotal)), "successful": 1, "failed": 0]
        object["_seq_no"] = .number(JSONNumber(seqNo))
        object["_primary_term"] = .number(JSONNumber(primaryTerm))
        return .object(object)
    }
}
