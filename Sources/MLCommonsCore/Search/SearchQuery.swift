/// The subset of the OpenSearch query DSL the emulator evaluates over `_source` documents.
public indirect enum SearchQuery: Sendable, Hashable {
    case matchAll
    case matchNone
    case term(field: String, value: JSONValue)
    case terms(field: String, values: [JSONValue])
    case match(field: String, text: String, requireAll: Bool)
    case ids([String])
    case exists(field: String)
    case range(field: String, bounds: [RangeBound])
    case prefix(field: String, prefix: String)
    case bool(must: [SearchQuery], filter: [SearchQuery], should: [SearchQuery], mustNot: [SearchQuery], minimumShouldMatch: Int?)

    /// One side of a `range` query.
    public enum RangeBound: Sendable, Hashable {
        case greaterThan(JSONValue, inclusive: Bool)
        case lessThan(JSONValue, inclusive: Bool)
    }

    /// Query types OpenSearch has that the emulator does not evaluate; named in the 400 it answers.
    static let knownUnsupported: Set<String> = [
        "wildcard", "regexp", "fuzzy", "query_string", "simple_query_string", "match_phrase", "match_phrase_prefix",
        "multi_match", "nested", "has_child", "has_parent", "geo_distance", "geo_bounding_box", "script",
        "function_score", "dis_max", "constant_score", "boosting", "more_like_this", "knn", "neural", "hybrid",
        "match_bool_prefix", "combined_fields", "intervals", "span_term", "terms_set", "distance_feature",
    ]

    /// A `bool` of `filter` (and `must_not`) clauses alone runs in filter context: every hit scores 0.
    /// (Only `must_not` clauses get a scoring `match_all` added, as Lucene's negative-query fix does.)
    public var isFilterOnly: Bool {
        if case .bool(let must, let filter, let should, _, _) = self { return must.isEmpty && should.isEmpty && !filter.isEmpty }
        return false
    }
}
