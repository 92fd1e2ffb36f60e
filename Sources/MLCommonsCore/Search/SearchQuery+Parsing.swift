extension SearchQuery {
    /// Parses a query object such as `{"term":{"name":"x"}}`.
    public init(parsing value: JSONValue) throws(OpenSearchError) {
        guard case .object(let object) = value, object.count == 1, let (name, body) = object.first(where: { _ in true })
        else {
            throw OpenSearchError("ParsingException", reason: "[_na] query malformed, no start_object after query name", status: 400)
        }
        switch name {
        case "match_all": self = .matchAll
        case "match_none": self = .matchNone
        case "term":
            let (field, raw) = try Self.singleField(body, query: name)
            self = .term(field: field, value: raw.objectValue?["value"] ?? raw)
        case "terms":
            guard let fields = body.objectValue, let (field, raw) = fields.first(where: { $0.key != "boost" }),
                let values = raw.arrayValue
            else { throw Self.malformed(name) }
            self = .terms(field: field, values: values)
        case "match":
            let (field, raw) = try Self.singleField(body, query: name)
            let text = raw.objectValue?["query"] ?? raw
            let operatorName = raw.objectValue?["operator"]?.stringValue?.lowercased()
            self = .match(field: field, text: Self.text(of: text), requireAll: operatorName == "and")
        case "ids":
            guard let values = body["values"]?.arrayValue else { throw Self.malformed(name) }
            self = .ids(values.map { Self.text(of: $0) })
        case "exists":
            guard let field = body["field"]?.stringValue else {
                throw OpenSearchError("ParsingException", reason: "[exists] must be provided with a [field]", status: 400)
            }
            self = .exists(field: field)
        case "range":
            let (field, raw) = try Self.singleField(body, query: name)
            guard let bounds = raw.objectValue else { throw Self.malformed(name) }
            var parsed: [RangeBound] = []
            for (key, bound) in bounds {
                switch key {
                case "gt": parsed.append(.greaterThan(bound, inclusive: false))
                case "gte", "from": parsed.append(.greaterThan(bound, inclusive: true))
                case "lt": parsed.append(.lessThan(bound, inclusive: false))
                case "lte", "to": parsed.append(.lessThan(bound, inclusive: true))
                default: continue
                }
            }
            self = .range(field: field, bounds: parsed)
        case "prefix":
            let (field, raw) = try Self.singleField(body, query: name)
            self = .prefix(field: field, prefix: Self.text(of: raw.objectValue?["value"] ?? raw))
        case "bool":
            guard let clauses = body.objectValue else { throw Self.malformed(name) }
            func list(_ key: String) throws(OpenSearchError) -> [SearchQuery] {
                guard let raw = clauses[key] else { return [] }
                var out: [SearchQuery] = []
                for item in raw.arrayValue ?? [raw] { out.append(try SearchQuery(parsing: item)) }
                return out
            }
            let minimum = clauses["minimum_should_match"].flatMap { value -> Int? in
                value.numberValue?.intValue ?? value.stringValue.flatMap { Int($0) }
            }
            self = .bool(
                must: try list("must"), filter: try list("filter"), should: try list("should"),
                mustNot: try list("must_not"), minimumShouldMatch: minimum)
        default:
            if Self.knownUnsupported.contains(name) {
                throw .illegalArgument(
                    "[\(name)] query is not supported by ml-commons-emulator; supported queries: match_all, match_none, "
                        + "term, terms, match, ids, exists, range, prefix, bool")
            }
            throw OpenSearchError("ParsingException", reason: "unknown query [\(name)]", status: 400)
        }
    }

    private static func singleField(_ body: JSONValue, query: String) throws(OpenSearchError) -> (String, JSONValue) {
        guard let object = body.objectValue, let pair = object.first(where: { $0.key != "boost" && $0.key != "_name" })
        else { throw malformed(query) }
        return (pair.key, pair.value)
    }

    private static func malformed(_ query: String) -> OpenSearchError {
        OpenSearchError("ParsingException", reason: "[\(query)] query malformed, no start_object after query name", status: 400)
    }

    static func text(of value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .number(let number): return number.text
        case .bool(let flag): return flag ? "true" : "false"
        default: return value.compactText
        }
    }
}
