/// Runs a ``SearchRequest`` over documents and renders OpenSearch's `SearchResponse`.
public struct SearchExecution: Sendable {
    public let request: SearchRequest
    /// Fields removed from every `_source` whatever the request asks (e.g. `credential`).
    public let alwaysExcluded: [String]
    /// Whether every hit carries `_version`, `_seq_no` and `_primary_term` (ml-commons forces them);
    /// otherwise the request's `version` and `seq_no_primary_term` decide, as in a plain `_search`.
    public let forcesVersions: Bool

    public init(request: SearchRequest, alwaysExcluded: [String] = [], forcesVersions: Bool = true) {
        self.request = request
        self.alwaysExcluded = alwaysExcluded
        self.forcesVersions = forcesVersions
    }

    /// The response for the documents of one index.
    /// - Parameters:
    ///   - index: the index searched; an ml system index is searched with ml-commons' field types.
    ///   - documents: the index's live documents; they all count in the scoring statistics.
    ///   - mappings: the index's stored mappings (any field they lack was never indexed).
    ///   - hidden: documents that are never hits (ml-commons filters them out in its query).
    public func response(
        index: String, over documents: [StoredDocument], mappings: JSONObject = JSONObject(),
        hidden: ((StoredDocument) -> Bool)? = nil, tookMillis: Int = 1
    ) throws(OpenSearchError) -> JSONValue {
        // Lucene's order: a write appends the new version of a document, so index order is write order.
        let ordered = documents.sorted { $0.seqNo < $1.seqNo }
        let scorer: QueryScorer
        if let system = SystemIndexMappings.mappings(for: index) {
            scorer = QueryScorer(documents: ordered, mappings: system, dynamicFields: true)
        } else {
            let mapped = mappings["properties"]?.objectValue.map { !$0.isEmpty } ?? false
            scorer = QueryScorer(documents: ordered, mappings: mappings, dynamicFields: !mapped)
        }
        let scores = try scorer.scores(request.query)
        var hits: [(document: StoredDocument, score: Float)] = []
        for (ordinal, score) in scores.enumerated() {
            guard let score else { continue }
            if let minScore = request.minScore, !(score >= minScore) { continue }
            if let hidden, hidden(ordered[ordinal]) { continue }
            hits.append((ordered[ordinal], score))
        }
        let total = hits.count
        // Only a lone `_score` descending is the default order; ascending sorts like a field.
        let sortedByField = !request.sort.isEmpty
            && !(request.sort.count == 1 && request.sort[0].field == "_score" && request.sort[0].descending)
        let tracksScores = !sortedByField || request.trackScores || request.sort.contains { $0.field == "_score" }
        if sortedByField {
            hits = sorted(hits)
        } else {
            // Stable: equal scores keep index order, as Lucene's top-hits collector does.
            hits = hits.enumerated().sorted { lhs, rhs in
                let order = Self.descending(lhs.element.score, rhs.element.score)
                return order != 0 ? order < 0 : lhs.offset < rhs.offset
            }.map(\.element)
        }
        let page = hits.dropFirst(request.from).prefix(request.size)
        let renderedHits: [JSONValue] = page.map { hit in
            let document = hit.document
            var object: JSONObject = ["_index": .string(document.index), "_id": .string(document.id)]
            if forcesVersions || request.version { object["_version"] = .number(JSONNumber(document.version)) }
            if forcesVersions || request.seqNoPrimaryTerm {
                object["_seq_no"] = .number(JSONNumber(document.seqNo))
                object["_primary_term"] = .number(JSONNumber(document.primaryTerm))
            }
            object["_score"] = tracksScores ? Self.json(hit.score) : .null
            if request.fetchSource { object["_source"] = .object(filteredSource(document.source)) }
            if sortedByField {
                object["sort"] = .array(request.sort.map { key in
                    key.field == "_score" ? Self.json(hit.score) : document.values(at: key.field).first ?? .null
                })
            }
            return .object(object)
        }
        let maxScore = tracksScores ? hits.map(\.score).filter { !$0.isNaN }.max() : nil
        let hitsObject: JSONObject = [
            "total": ["value": .number(JSONNumber(total)), "relation": "eq"],
            "max_score": maxScore.map(Self.json) ?? .null,
            "hits": .array(renderedHits),
        ]
        return .object([
            "took": .number(JSONNumber(tookMillis)), "timed_out": false,
            "_shards": ["total": 1, "successful": 1, "skipped": 0, "failed": 0],
            "hits": .object(hitsObject),
        ])
    }

    /// -1 when `lhs` ranks first by score (higher; a NaN last), 1 when `rhs` does, 0 when tied.
    public static func descending(_ lhs: Float, _ rhs: Float) -> Int {
        switch (lhs.isNaN, rhs.isNaN) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): return lhs > rhs ? -1 : lhs < rhs ? 1 : 0
        }
    }

    /// A score as Jackson writes a Java `float`; infinities and NaN (a huge boost) as quoted names, as
    /// Jackson's `QUOTE_NON_NUMERIC_NUMBERS` default writes them.
    static func json(_ score: Float) -> JSONValue {
        guard score.isFinite else { return .string(score.isNaN ? "NaN" : score < 0 ? "-Infinity" : "Infinity") }
        return .number(JSONNumber(text: JavaDouble.string(score)))
    }

    /// The answer when the backing index does not exist yet (ml-commons builds it by hand).
    public static var emptyResponse: JSONValue {
        [
            "took": 0, "timed_out": false,
            "_shards": ["total": 0, "successful": 0, "skipped": 0, "failed": 0],
            "hits": ["total": ["value": 0, "relation": "eq"], "max_score": 0.0, "hits": []],
        ]
    }

    private func sorted(_ hits: [(document: StoredDocument, score: Float)]) -> [(document: StoredDocument, score: Float)] {
        // Equal sort values keep index order, as Lucene breaks ties by document.
        hits.enumerated().sorted { lhsEntry, rhsEntry in
            let lhs = lhsEntry.element
            let rhs = rhsEntry.element
            for key in request.sort {
                if key.field == "_score" {
                    let order = Self.descending(lhs.score, rhs.score)
                    guard order != 0 else { continue }
                    return key.descending ? order < 0 : order > 0
                }
                let left = lhs.document.values(at: key.field).first
                let right = rhs.document.values(at: key.field).first
                switch (left, right) {
                case (nil, nil): continue
                case (nil, _): return false  // missing values sort last
                case (_, nil): return true
                case (let a?, let b?):
                    guard let order = SearchQuery.compare(a, b), order != 0 else { continue }
                    return key.descending ? order > 0 : order < 0
                }
            }
            return lhsEntry.offset < rhsEntry.offset
        }.map(\.element)
    }

    /// The `_source` of a hit. A filter (ml-commons' searches always exclude some fields) makes OpenSearch
    /// rebuild it from the parsed map: every object, nested ones too, comes out in `HashMap` order.
    func filteredSource(_ source: JSONObject) -> JSONObject {
        let excludes = request.sourceExcludes + alwaysExcluded
        guard !request.sourceIncludes.isEmpty || !excludes.isEmpty else { return source }
        var out = source
        if !request.sourceIncludes.isEmpty {
            out = Self.keep(out, paths: request.sourceIncludes)
        }
        for path in excludes { out = Self.remove(out, path: path[...]) }
        return JavaHashMapOrder.deep(out)
    }

    private static func keep(_ object: JSONObject, paths: [String], prefix: String = "") -> JSONObject {
        var out = JSONObject()
        for (key, value) in object {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            if paths.contains(where: { Glob.matches($0, path) }) {
                out[key] = value
            } else if case .object(let inner) = value, paths.contains(where: { $0.hasPrefix(path + ".") || $0.contains("*") }) {
                let kept = keep(inner, paths: paths, prefix: path)
                if !kept.isEmpty { out[key] = .object(kept) }
            }
        }
        return out
    }

    private static func remove(_ object: JSONObject, path: Substring) -> JSONObject {
        var out = object
        if let dot = path.firstIndex(of: ".") {
            let head = String(path[..<dot])
            if case .object(let inner)? = out[head] {
                out[head] = .object(remove(inner, path: path[path.index(after: dot)...]))
            }
        } else {
            // One filtering pass: removing members one by one would cost a scan of the keys each.
            let pattern = String(path)
            out = JSONObject(out.filter { !Glob.matches(pattern, $0.key) }.map { ($0.key, $0.value) })
        }
        return out
    }
}
