/// A `_search` body: query, paging, sort and `_source` filtering.
public struct SearchRequest: Sendable, Hashable {
    /// One sort key.
    public struct SortKey: Sendable, Hashable {
        public var field: String
        public var descending: Bool
    }

    public var query: SearchQuery = .matchAll
    public var from = 0
    public var size = 10
    public var sort: [SortKey] = []
    public var sourceIncludes: [String] = []
    public var sourceExcludes: [String] = []
    public var fetchSource = true
    /// `version: true` asks for `_version` in each hit.
    public var version = false
    /// `seq_no_primary_term: true` asks for `_seq_no` and `_primary_term` in each hit.
    public var seqNoPrimaryTerm = false
    /// `track_scores: true` computes scores even when sorting by a field.
    public var trackScores = false
    /// `min_score`: hits scoring below it are left out.
    public var minScore: Float?

    public init() {}

    /// Parses a body (nil or empty means match everything).
    public init(parsing body: JSONValue?) throws(OpenSearchError) {
        guard let body else { return }
        let fields = try RequestObject(body)
        for (key, value) in fields.object {
            switch key {
            case "query": query = try SearchQuery(parsing: value)
            case "from": try setFrom(try fields.int(key) ?? 0)
            case "size": try setSize(try fields.int(key) ?? 10)
            case "sort": sort = try Self.parseSort(value)
            case "_source": try parseSource(value)
            case "version": version = value.boolValue ?? (value.stringValue == "true")
            case "seq_no_primary_term": seqNoPrimaryTerm = value.boolValue ?? (value.stringValue == "true")
            case "track_scores": trackScores = value.boolValue ?? (value.stringValue == "true")
            case "min_score":
                guard let number = value.numberValue?.doubleValue ?? value.stringValue.flatMap(Double.init) else {
                    throw OpenSearchError("ParsingException", reason: "[min_score] failed to parse field", status: 400)
                }
                minScore = Float(number)
            case "track_total_hits", "timeout", "explain",
                "stored_fields", "docvalue_fields", "highlight", "aggs", "aggregations", "search_after",
                "profile", "terminate_after":
                continue
            default:
                throw OpenSearchError("ParsingException", reason: "Unknown key for a \(value.xContentToken) in [\(key)].", status: 400)
            }
        }
    }

    /// `SearchSourceBuilder.from`: checked as it is set, so the first bad field is the one reported.
    public mutating func setFrom(_ value: Int) throws(OpenSearchError) {
        guard value >= 0 else { throw .illegalArgument("[from] parameter cannot be negative, found [\(value)]") }
        from = value
    }

    /// `SearchSourceBuilder.size`.
    public mutating func setSize(_ value: Int) throws(OpenSearchError) {
        guard value >= 0 else { throw .illegalArgument("[size] parameter cannot be negative, found [\(value)]") }
        size = value
    }

    /// `RestSearchAction`'s `?from=` and `?size=` (`RestRequest.paramAsInt`), applied after the body.
    public mutating func applyURLParameters(_ query: [String: String]) throws(OpenSearchError) {
        for key in ["from", "size"] {
            guard let text = query[key] else { continue }
            let value: Int
            do {
                value = try JavaInt.parse(text)
            } catch {
                throw .illegalArgument("Failed to parse int parameter [\(key)] with value [\(text)]", cause: error)
            }
            if key == "from" { try setFrom(value) } else { try setSize(value) }
        }
    }

    /// The shard-level `index.max_result_window` check (`DefaultSearchContext.preProcess`), before the
    /// phase failure wraps it.
    public func checkResultWindow(maxResultWindow: Int = 10_000) throws(OpenSearchError) {
        let window = from + size
        guard window > maxResultWindow else { return }
        throw .illegalArgument(
            "Result window is too large, from + size must be less than or equal to: [\(maxResultWindow)] but was "
                + "[\(window)]. See the scroll api for a more efficient way to request large data sets. This limit "
                + "can be set by changing the [index.max_result_window] index level setting.")
    }

    private static func parseSort(_ value: JSONValue) throws(OpenSearchError) -> [SortKey] {
        var keys: [SortKey] = []
        for item in value.arrayValue ?? [value] {
            switch item {
            case .string(let field): keys.append(SortKey(field: field, descending: field == "_score"))
            case .object(let object):
                for (field, spec) in object {
                    let order = spec.stringValue ?? spec["order"]?.stringValue ?? (field == "_score" ? "desc" : "asc")
                    keys.append(SortKey(field: field, descending: order.lowercased() == "desc"))
                }
            default:
                throw OpenSearchError("ParsingException", reason: "malformed sort format, within the sort array, an object, or an actual string are allowed", status: 400)
            }
        }
        return keys
    }

    private mutating func parseSource(_ value: JSONValue) throws(OpenSearchError) {
        switch value {
        case .bool(let flag): fetchSource = flag
        case .string(let field): sourceIncludes = [field]
        case .array(let items): sourceIncludes = items.compactMap(\.stringValue)
        case .object(let object):
            sourceIncludes = (object["includes"] ?? object["include"]).map { $0.arrayValue?.compactMap(\.stringValue) ?? [$0.stringValue].compactMap { $0 } } ?? []
            sourceExcludes = (object["excludes"] ?? object["exclude"]).map { $0.arrayValue?.compactMap(\.stringValue) ?? [$0.stringValue].compactMap { $0 } } ?? []
        default:
            throw OpenSearchError("ParsingException", reason: "Unexpected token [\(value.xContentToken)] for [_source]", status: 400)
        }
    }
}
