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
    public func response(over documents: [StoredDocument], tookMillis: Int = 1) -> JSONValue {
        var hits = documents.filter { request.query.matches($0) }
        let total = hits.count
        let sortedByField = !request.sort.isEmpty && !(request.sort.count == 1 && request.sort[0].field == "_score")
        if sortedByField { hits = sorted(hits) }
        let page = hits.dropFirst(request.from).prefix(request.size)
        let score: JSONValue = sortedByField ? .null : .number(JSONNumber(text: request.query.isFilterOnly ? "0.0" : "1.0"))
        let renderedHits: [JSONValue] = page.map { document in
            var hit: JSONObject = ["_index": .string(document.index), "_id": .string(document.id)]
            if forcesVersions || request.version { hit["_version"] = .number(JSONNumber(document.version)) }
            if forcesVersions || request.seqNoPrimaryTerm {
                hit["_seq_no"] = .number(JSONNumber(document.seqNo))
                hit["_primary_term"] = .number(JSONNumber(document.primaryTerm))
            }
            hit["_score"] = score
            if request.fetchSource { hit["_source"] = .object(filteredSource(document.source)) }
            if sortedByField {
                hit["sort"] = .array(request.sort.map { key in document.values(at: key.field).first ?? .null })
            }
            return .object(hit)
        }
        let hitsObject: JSONObject = [
            "total": ["value": .number(JSONNumber(total)), "relation": "eq"],
            "max_score": total == 0 || sortedByField ? .null : score,
            "hits": .array(renderedHits),
        ]
        return .object([
            "took": .number(JSONNumber(tookMillis)), "timed_out": false,
            "_shards": ["total": 1, "successful": 1, "skipped": 0, "failed": 0],
            "hits": .object(hitsObject),
        ])
    }

    /// The answer when the backing index does not exist yet (ml-commons builds it by hand).
    public static var emptyResponse: JSONValue {
        [
            "took": 0, "timed_out": false,
            "_shards": ["total": 0, "successful": 0, "skipped": 0, "failed": 0],
            "hits": ["total": ["value": 0, "relation": "eq"], "max_score": 0.0, "hits": []],
        ]
    }

    private func sorted(_ documents: [StoredDocument]) -> [StoredDocument] {
        documents.sorted { lhs, rhs in
            for key in request.sort {
                let left = lhs.values(at: key.field).first
                let right = rhs.values(at: key.field).first
                switch (left, right) {
                case (nil, nil): continue
                case (nil, _): return false  // missing values sort last
                case (_, nil): return true
                case (let a?, let b?):
                    guard let order = SearchQuery.compare(a, b), order != 0 else { continue }
                    return key.descending ? order > 0 : order < 0
                }
            }
            return false
        }
    }

    func filteredSource(_ source: JSONObject) -> JSONObject {
        var out = source
        if !request.sourceIncludes.isEmpty {
            out = Self.keep(out, paths: request.sourceIncludes)
        }
        for path in request.sourceExcludes + alwaysExcluded { out = Self.remove(out, path: path[...]) }
        return out
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
