/// The subset of the OpenSearch query DSL the emulator evaluates and scores over `_source` documents.
public indirect enum SearchQuery: Sendable, Hashable {
    case matchAll
    case matchNone
    case term(field: String, value: JSONValue, caseInsensitive: Bool = false)
    case terms(field: String, values: [JSONValue])
    case match(field: String, text: String, options: MatchOptions = MatchOptions())
    case matchPhrase(field: String, text: String)
    case multiMatch(MultiMatch)
    case ids([String])
    case exists(field: String)
    case range(field: String, bounds: [RangeBound])
    case prefix(field: String, prefix: String)
    case constantScore(filter: SearchQuery)
    case bool(must: [SearchQuery], filter: [SearchQuery], should: [SearchQuery], mustNot: [SearchQuery], minimumShouldMatch: MinimumShouldMatch?)
    /// A query with a `boost` other than 1: its scores multiplied by it.
    case boosted(SearchQuery, boost: Float)
    /// k-NN's `knn`: the `k` documents whose vector in `field` is nearest, scored by the field's space.
    case knn(field: String, vector: [Float], k: Int)
    /// neural-search's `neural`: `knn` on the embedding of `text` by a model; resolved before scoring.
    case neural(field: String, text: String, modelID: String, k: Int)

    /// One side of a `range` query.
    public enum RangeBound: Sendable, Hashable {
        case greaterThan(JSONValue, inclusive: Bool)
        case lessThan(JSONValue, inclusive: Bool)
    }

    /// A `match` query's options beyond its text.
    public struct MatchOptions: Sendable, Hashable {
        /// `operator: and`: every term must match.
        public var requireAll = false
        /// How many of the text's terms must match (with `operator: or`).
        public var minimumShouldMatch: MinimumShouldMatch?
        /// `zero_terms_query: all`: a text without terms matches everything.
        public var zeroTermsMatchAll = false

        /// Options as a `match` query body gives them; the defaults are OpenSearch's.
        public init(requireAll: Bool = false, minimumShouldMatch: MinimumShouldMatch? = nil, zeroTermsMatchAll: Bool = false) {
            self.requireAll = requireAll
            self.minimumShouldMatch = minimumShouldMatch
            self.zeroTermsMatchAll = zeroTermsMatchAll
        }
    }

    /// A `multi_match` query: one match per field, combined by its type.
    public struct MultiMatch: Sendable, Hashable {
        /// `best_fields` (the best field's score, plus `tie_breaker` × the others') or `most_fields` (their sum).
        public enum Combination: Sendable, Hashable {
            case bestFields(tieBreaker: Float)
            case mostFields
        }

        /// The text searched in every field.
        public var text: String
        /// Field names (globs allowed) with their `^boost`.
        public var fields: [(name: String, boost: Float)]
        /// How the per-field scores combine.
        public var combination: Combination
        /// `type: phrase`: each field's query is a `match_phrase`.
        public var phrase = false
        /// The per-field `match` options (operator, minimum_should_match, zero_terms_query).
        public var options = MatchOptions()

        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.text == rhs.text && lhs.fields.map(\.name) == rhs.fields.map(\.name)
                && lhs.fields.map(\.boost) == rhs.fields.map(\.boost) && lhs.combination == rhs.combination
                && lhs.phrase == rhs.phrase && lhs.options == rhs.options
        }

        public func hash(into hasher: inout Hasher) {
            // Equal queries hash alike; boosts and options only refine equality.
            hasher.combine(text)
            for field in fields { hasher.combine(field.name) }
        }
    }

    /// Query types OpenSearch has that the emulator does not evaluate; named in the 400 it answers.
    static let knownUnsupported: Set<String> = [
        "wildcard", "regexp", "fuzzy", "query_string", "simple_query_string", "match_phrase_prefix",
        "nested", "has_child", "has_parent", "geo_distance", "geo_bounding_box", "script",
        "function_score", "dis_max", "boosting", "more_like_this", "hybrid", "neural_sparse",
        "match_bool_prefix", "combined_fields", "intervals", "span_term", "terms_set", "distance_feature",
    ]

    /// The queries the emulator evaluates, as the 400 for the others lists them.
    static let supported = [
        "match_all", "match_none", "term", "terms", "match", "match_phrase", "multi_match", "ids", "exists", "range",
        "prefix", "constant_score", "bool", "knn", "neural",
    ]
}

extension SearchQuery {
    /// The query with every `neural` clause turned into the `knn` of its text's embedding.
    public func resolvingNeural(
        _ embed: (_ text: String, _ modelID: String) async throws -> [Float]
    ) async throws -> SearchQuery {
        switch self {
        case .neural(let field, let text, let modelID, let k):
            return .knn(field: field, vector: try await embed(text, modelID), k: k)
        case .boosted(let inner, let boost):
            return .boosted(try await inner.resolvingNeural(embed), boost: boost)
        case .constantScore(let filter):
            return .constantScore(filter: try await filter.resolvingNeural(embed))
        case .bool(let must, let filter, let should, let mustNot, let minimumShouldMatch):
            func resolved(_ clauses: [SearchQuery]) async throws -> [SearchQuery] {
                var out: [SearchQuery] = []
                for clause in clauses { out.append(try await clause.resolvingNeural(embed)) }
                return out
            }
            return .bool(
                must: try await resolved(must), filter: try await resolved(filter), should: try await resolved(should),
                mustNot: try await resolved(mustNot), minimumShouldMatch: minimumShouldMatch)
        default:
            return self
        }
    }
}
