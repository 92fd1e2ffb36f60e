extension SearchQuery {
    /// Parses a query object such as `{"term":{"name":"x"}}`.
    public init(parsing value: JSONValue) throws(OpenSearchError) {
        guard case .object(let object) = value, object.count == 1, let (name, body) = object.first(where: { _ in true })
        else {
            throw OpenSearchError("ParsingException", reason: "[_na] query malformed, no start_object after query name", status: 400)
        }
        var boost: Float = 1
        switch name {
        case "match_all":
            boost = try Self.boost(in: body.objectValue, query: name)
            self = .matchAll
        case "match_none": self = .matchNone
        case "term":
            let (field, raw) = try Self.singleField(body, query: name)
            boost = try Self.boost(in: raw.objectValue, query: name)
            let caseInsensitive = raw.objectValue?["case_insensitive"]?.boolValue ?? false
            self = .term(field: field, value: raw.objectValue?["value"] ?? raw, caseInsensitive: caseInsensitive)
        case "terms":
            guard let fields = body.objectValue, let (field, raw) = fields.first(where: { $0.key != "boost" && $0.key != "_name" }),
                let values = raw.arrayValue
            else { throw Self.malformed(name) }
            boost = try Self.boost(in: fields, query: name)
            self = .terms(field: field, values: values)
        case "match":
            let (field, raw) = try Self.singleField(body, query: name)
            let options = raw.objectValue
            boost = try Self.boost(in: options, query: name)
            self = .match(field: field, text: try Self.queryText(raw), options: try Self.matchOptions(options, query: name))
        case "match_phrase":
            let (field, raw) = try Self.singleField(body, query: name)
            let options = raw.objectValue
            boost = try Self.boost(in: options, query: name)
            try Self.refuseSlop(options)
            try Self.refuseAnalyzer(options, query: name)
            self = .matchPhrase(field: field, text: try Self.queryText(raw))
        case "multi_match":
            guard let options = body.objectValue else { throw Self.malformed(name) }
            boost = try Self.boost(in: options, query: name)
            self = .multiMatch(try Self.multiMatch(options))
        case "ids":
            guard let values = body["values"]?.arrayValue else { throw Self.malformed(name) }
            boost = try Self.boost(in: body.objectValue, query: name)
            self = .ids(values.map { Self.text(of: $0) })
        case "exists":
            guard let field = body["field"]?.stringValue else {
                throw OpenSearchError("ParsingException", reason: "[exists] must be provided with a [field]", status: 400)
            }
            boost = try Self.boost(in: body.objectValue, query: name)
            self = .exists(field: field)
        case "range":
            let (field, raw) = try Self.singleField(body, query: name)
            guard let bounds = raw.objectValue else { throw Self.malformed(name) }
            boost = try Self.boost(in: bounds, query: name)
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
            boost = try Self.boost(in: raw.objectValue, query: name)
            self = .prefix(field: field, prefix: Self.text(of: raw.objectValue?["value"] ?? raw))
        case "constant_score":
            guard let options = body.objectValue, let filter = options["filter"] else {
                throw OpenSearchError("ParsingException", reason: "[constant_score] requires a 'filter' element", status: 400)
            }
            boost = try Self.boost(in: options, query: name)
            self = .constantScore(filter: try SearchQuery(parsing: filter))
        case "bool":
            guard let clauses = body.objectValue else { throw Self.malformed(name) }
            func list(_ key: String) throws(OpenSearchError) -> [SearchQuery] {
                guard let raw = clauses[key] else { return [] }
                var out: [SearchQuery] = []
                for item in raw.arrayValue ?? [raw] { out.append(try SearchQuery(parsing: item)) }
                return out
            }
            boost = try Self.boost(in: clauses, query: name)
            self = .bool(
                must: try list("must"), filter: try list("filter"), should: try list("should"),
                mustNot: try list("must_not"),
                minimumShouldMatch: clauses["minimum_should_match"].map { MinimumShouldMatch(Self.text(of: $0)) })
        case "knn":
            let (field, raw) = try Self.singleField(body, query: name)
            guard let options = raw.objectValue, let vector = options["vector"]?.arrayValue else {
                throw OpenSearchError("ParsingException", reason: "[knn] requires a vector", status: 400)
            }
            boost = try Self.boost(in: options, query: name)
            let values = vector.compactMap { $0.numberValue.map { Float($0.doubleValue) } }
            guard values.count == vector.count else { throw Self.malformed(name) }
            self = .knn(field: field, vector: values, k: options["k"]?.numberValue?.intValue ?? 10)
        case "neural":
            let (field, raw) = try Self.singleField(body, query: name)
            guard let options = raw.objectValue, let text = options["query_text"]?.stringValue else {
                throw .illegalArgument("Either query_text or query_image must be provided.")
            }
            guard let modelID = options["model_id"]?.stringValue else {
                throw .illegalArgument("model_id must be provided in neural query")
            }
            boost = try Self.boost(in: options, query: name)
            self = .neural(field: field, text: text, modelID: modelID, k: options["k"]?.numberValue?.intValue ?? 10)
        default:
            if Self.knownUnsupported.contains(name) {
                throw .illegalArgument(
                    "[\(name)] query is not supported by ml-commons-emulator; supported queries: "
                        + Self.supported.joined(separator: ", "))
            }
            throw OpenSearchError("ParsingException", reason: "unknown query [\(name)]", status: 400)
        }
        if boost != 1 { self = .boosted(self, boost: boost) }
    }

    private static func matchOptions(_ options: JSONObject?, query: String) throws(OpenSearchError) -> MatchOptions {
        guard let options else { return MatchOptions() }
        if options["fuzziness"] != nil {
            throw .illegalArgument("[\(query)] fuzziness is not supported by ml-commons-emulator; leave it out to match exact terms")
        }
        try refuseAnalyzer(options, query: query)
        var parsed = MatchOptions()
        if let name = options["operator"].map(text(of:)) {
            switch name.lowercased() {
            case "and": parsed.requireAll = true
            case "or": parsed.requireAll = false
            default: throw .illegalArgument("No enum constant org.opensearch.index.query.Operator.\(name.uppercased())")
            }
        }
        parsed.minimumShouldMatch = options["minimum_should_match"].map { MinimumShouldMatch(text(of: $0)) }
        if let zeroTerms = options["zero_terms_query"].map(text(of:)) {
            switch zeroTerms.lowercased() {
            case "all": parsed.zeroTermsMatchAll = true
            case "none": parsed.zeroTermsMatchAll = false
            default:
                throw OpenSearchError("ParsingException", reason: "Unsupported zero_terms_query value [\(zeroTerms)]", status: 400)
            }
        }
        return parsed
    }

    private static func multiMatch(_ options: JSONObject) throws(OpenSearchError) -> MultiMatch {
        guard let query = options["query"] else {
            throw .illegalArgument("[multi_match] requires query value")
        }
        var fields: [(name: String, boost: Float)] = []
        for item in options["fields"].map({ $0.arrayValue ?? [$0] }) ?? [] {
            let spec = text(of: item)
            guard let caret = spec.lastIndex(of: "^") else {
                fields.append((spec, 1))
                continue
            }
            let boostText = spec[spec.index(after: caret)...]
            guard let boost = Float(boostText) else {
                throw OpenSearchError("NumberFormatException", reason: "For input string: \"\(boostText)\"", status: 400)
            }
            try checkBoost(boost, query: "multi_match")
            fields.append((String(spec[..<caret]), boost))
        }
        if fields.isEmpty { fields = [("*", 1)] }
        try refuseSlop(options)
        let tieBreaker = options["tie_breaker"].flatMap { $0.numberValue?.doubleValue ?? Double(text(of: $0)) }.map(Float.init)
        if let tieBreaker, !(0...1).contains(tieBreaker) {
            throw .illegalArgument("tieBreakerMultiplier must be in [0, 1]")
        }
        var parsed = MultiMatch(
            text: text(of: query), fields: fields, combination: .bestFields(tieBreaker: tieBreaker ?? 0),
            options: try matchOptions(options, query: "multi_match"))
        switch (options["type"].map(text(of:)) ?? "best_fields").lowercased() {
        case "best_fields", "bestfields": break
        case "most_fields", "mostfields":
            guard tieBreaker == nil else {
                throw .illegalArgument("Tie-breaker is only supported for best_fields and phrase types")
            }
            parsed.combination = .mostFields
        case "phrase": parsed.phrase = true
        case let other:
            throw .illegalArgument(
                "[multi_match] type [\(other)] is not supported by ml-commons-emulator; supported: best_fields, most_fields, phrase")
        }
        return parsed
    }

    /// `match`'s text: the value itself, or its `query` member (`No text specified for text query` without one).
    private static func queryText(_ raw: JSONValue) throws(OpenSearchError) -> String {
        guard case .object(let options) = raw else { return text(of: raw) }
        guard let query = options["query"], query != .null else {
            throw OpenSearchError("ParsingException", reason: "No text specified for text query", status: 400)
        }
        return text(of: query)
    }

    /// Only the standard analyzer is built; a query naming another is refused, not analyzed otherwise.
    private static func refuseAnalyzer(_ options: JSONObject?, query: String) throws(OpenSearchError) {
        guard let analyzer = options?["analyzer"]?.stringValue, analyzer != "standard" else { return }
        throw .illegalArgument("[\(query)] analyzer [\(analyzer)] is not supported by ml-commons-emulator; only [standard] is")
    }

    /// Sloppy phrases are not built; a phrase with `slop: 0` is.
    private static func refuseSlop(_ options: JSONObject?) throws(OpenSearchError) {
        guard let slop = options?["slop"], text(of: slop) != "0" else { return }
        throw .illegalArgument("[slop] other than 0 is not supported by ml-commons-emulator; phrases match exact positions")
    }

    /// `AbstractQueryBuilder.boost`: a number (or numeric string); absent means 1.
    private static func boost(in options: JSONObject?, query: String) throws(OpenSearchError) -> Float {
        guard let raw = options?["boost"] else { return 1 }
        guard let value = raw.numberValue?.doubleValue ?? raw.stringValue.flatMap(Double.init) else {
            throw OpenSearchError("ParsingException", reason: "[\(query)] failed to parse field [boost]", status: 400)
        }
        let boost = Float(value)
        try checkBoost(boost, query: query)
        return boost
    }

    /// `AbstractQueryBuilder.checkNegativeBoost`, then Lucene's `BoostQuery`: finite and not below 0.
    private static func checkBoost(_ boost: Float, query: String) throws(OpenSearchError) {
        if boost < 0 || boost == 0 && boost.sign == .minus {
            throw .illegalArgument(
                "negative [boost] are not allowed in [\(query)], use a value between 0 and 1 to deboost")
        }
        guard boost.isFinite else {
            throw .illegalArgument("boost must be a positive float, got " + (boost.isNaN ? "NaN" : "Infinity"))
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
