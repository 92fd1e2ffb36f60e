/// Evaluates queries over one index's documents as a single Lucene shard does: which documents
/// match, and each one's score. Term queries on `text` and `boolean` fields score with BM25 over the
/// index's statistics; keyword terms and the queries Lucene runs as constant-score queries score their boost.
public final class QueryScorer {
    /// The documents in index order (the order Lucene breaks score ties in).
    public let documents: [StoredDocument]
    let types: IndexFieldTypes
    let similarity: BM25Similarity
    let analyzer = StandardAnalyzer()
    private var fieldIndexes: [String: FieldIndex] = [:]
    private var resolvedFields: [String: IndexFieldTypes.Field?] = [:]
    /// Leaf queries built so far (a phrase or a term each), against Lucene's nested-clause limit.
    private var leafCount = 0

    /// `indices.query.bool.max_clause_count`'s default: Lucene refuses queries with more clauses.
    public static let maxClauseCount = 1024
    /// `index.max_terms_count`'s default: the values a `terms` query may list.
    public static let maxTermsCount = 65_536

    /// - Parameters:
    ///   - documents: every live document of the index, hidden ones included (they count in statistics).
    ///   - mappings: the index's `mappings`.
    ///   - dynamicFields: whether fields the mappings lack are typed from the documents' values, as dynamic
    ///     mapping would have mapped them (the ml indices, and documents that are not an index's); an
    ///     index's stored mappings otherwise list every field it indexed.
    public init(
        documents: [StoredDocument], mappings: JSONObject, dynamicFields: Bool,
        similarity: BM25Similarity = BM25Similarity()
    ) {
        self.documents = documents
        self.types = IndexFieldTypes(mappings: mappings, typesUnmappedFields: dynamicFields)
        self.similarity = similarity
    }

    /// One score per document, nil where the document does not match.
    public func scores(_ query: SearchQuery, boost: Float = 1) throws(OpenSearchError) -> [Float?] {
        switch query {
        case .matchAll:
            try countLeaves(1)
            return constant(boost) { _ in true }
        case .matchNone:
            try countLeaves(1)
            return none
        case .boosted(let inner, let factor): return try scores(inner, boost: boost * factor)
        case .term(let field, let value, let caseInsensitive):
            try countLeaves(1)
            return termScores(field: field, value: value, caseInsensitive: caseInsensitive, boost: boost)
        case .terms(let field, let values):
            try countLeaves(1)
            return try termsScores(field: field, values: values, boost: boost)
        case .match(let field, let text, let options):
            return try matchScores(field: field, text: text, options: options, boost: boost)
        case .matchPhrase(let field, let text):
            return try phraseScores(field: field, text: text, boost: boost)
        case .multiMatch(let multiMatch):
            return try multiMatchScores(multiMatch, boost: boost)
        case .ids(let ids):
            try countLeaves(1)
            let wanted = Set(ids.map { Array($0.utf8) })
            return constant(boost) { wanted.contains(Array(self.documents[$0].id.utf8)) }
        case .exists(let field):
            try countLeaves(1)
            return constant(boost) { !self.values(field, ordinal: $0).allSatisfy { $0 == .null } }
        case .range(let field, let bounds):
            try countLeaves(1)
            return constant(boost) { ordinal in
                self.values(field, ordinal: ordinal).contains { SearchQuery.within(bounds, $0) }
            }
        case .prefix(let field, let prefix):
            try countLeaves(1)
            let bytes = Array(prefix.utf8)
            return constant(boost) { ordinal in self.terms(field, ordinal: ordinal).contains { $0.starts(with: bytes) } }
        case .constantScore(let filter):
            let matched = try scores(filter)
            return matched.map { $0 == nil ? nil : boost }
        case .knn(let field, let vector, let k):
            try countLeaves(1)
            return knnScores(field: field, vector: vector, k: k, boost: boost)
        case .neural:
            throw .illegalArgument("a neural query is embedded by its model before it is scored")
        case .bool(let must, let filter, let should, let mustNot, let minimumShouldMatch):
            return try boolScores(
                must: must, filter: filter, should: should, mustNot: mustNot, minimumShouldMatch: minimumShouldMatch,
                boost: boost)
        }
    }

    // MARK: Vector scoring

    /// The `k` nearest vectors over the whole index (Lucene's k-NN query collects its top k before any
    /// other clause filters), scored as the k-NN plugin's space types score: `cosinesimil` `(1 + cos) / 2`,
    /// `innerproduct` by the dot product's transform, `l2` `1 / (1 + d²)`.
    private func knnScores(field: String, vector: [Float], k: Int, boost: Float) -> [Float?] {
        let space = resolve(field)?.mapping.vectorSpace ?? "l2"
        var scored: [(ordinal: Int, score: Float)] = []
        for ordinal in documents.indices {
            let stored = documents[ordinal].values(at: field).compactMap { $0.numberValue.map { Float($0.doubleValue) } }
            guard stored.count == vector.count, !stored.isEmpty else { continue }
            scored.append((ordinal, Self.vectorScore(vector, stored, space: space)))
        }
        let kept = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.ordinal < $1.ordinal }.prefix(max(k, 0))
        var out = [Float?](repeating: nil, count: documents.count)
        for entry in kept { out[entry.ordinal] = entry.score * boost }
        return out
    }

    static func vectorScore(_ query: [Float], _ stored: [Float], space: String) -> Float {
        var dot: Float = 0, queryNorm: Float = 0, storedNorm: Float = 0, squaredDistance: Float = 0
        for (a, b) in zip(query, stored) {
            dot += a * b
            queryNorm += a * a
            storedNorm += b * b
            squaredDistance += (a - b) * (a - b)
        }
        switch space {
        case "cosinesimil":
            let denominator = (queryNorm * storedNorm).squareRoot()
            return denominator == 0 ? 0 : (1 + dot / denominator) / 2
        case "innerproduct":
            return dot >= 0 ? dot + 1 : 1 / (1 - dot)
        default:
            return 1 / (1 + squaredDistance)
        }
    }

    // MARK: Term-level scoring

    private func termScores(field: String, value: JSONValue, caseInsensitive: Bool, boost: Float) -> [Float?] {
        guard let resolved = resolve(field) else { return none }
        switch resolved.mapping.kind {
        case .text, .keyword, .boolean, .flatObject:
            guard let term = SearchQuery.queryTerm(value, kind: resolved.mapping.kind) else { return none }
            if caseInsensitive {
                let lowered = term.lowercased()
                return constant(boost) { ordinal in
                    self.terms(field, ordinal: ordinal).contains { String(decoding: $0, as: UTF8.self).lowercased() == lowered }
                }
            }
            let bytes = Array(term.utf8)
            // Keyword terms score a constant since OpenSearch 3.0 (`use_similarity` defaults to false).
            if resolved.mapping.kind == .keyword || resolved.mapping.kind == .flatObject {
                return constant(boost) { ordinal in self.terms(field, ordinal: ordinal).contains(bytes) }
            }
            return bm25(terms: [bytes], field: field, boost: boost)
        case .number, .date:
            return constant(boost) { ordinal in self.values(field, ordinal: ordinal).contains { SearchQuery.equal($0, value) } }
        case .unsearchable:
            return none
        }
    }

    /// `terms`: a constant score where any value is one of the field's terms.
    private func termsScores(field: String, values: [JSONValue], boost: Float) throws(OpenSearchError) -> [Float?] {
        guard values.count <= Self.maxTermsCount else {
            throw .illegalArgument(
                "The number of terms [\(values.count)] used in the Terms Query request has exceeded the allowed maximum of "
                    + "[\(Self.maxTermsCount)]. This maximum can be set by changing the [index.max_terms_count] index level setting.")
        }
        guard let resolved = resolve(field) else { return none }
        switch resolved.mapping.kind {
        case .number, .date:
            return constant(boost) { ordinal in
                self.values(field, ordinal: ordinal).contains { present in values.contains { SearchQuery.equal(present, $0) } }
            }
        case .unsearchable:
            return none
        default:
            let wanted = Set(values.compactMap { SearchQuery.queryTerm($0, kind: resolved.mapping.kind).map { Array($0.utf8) } })
            return constant(boost) { ordinal in self.terms(field, ordinal: ordinal).contains(where: wanted.contains) }
        }
    }

    /// A term (or, with several terms, an exact phrase) scored by BM25 over the field's statistics.
    private func bm25(terms: [TermBytes], field: String, boost: Float) -> [Float?] {
        guard let index = fieldIndex(field), let first = terms.first else { return none }
        var idf = 0.0
        for term in terms {
            let docFreq = index.docFreq(term)
            guard docFreq > 0 else { return none }
            idf += Double(BM25Similarity.idf(docFreq: docFreq, docCount: index.docCount))
        }
        let scorer = similarity.scorer(
            boost: boost, idf: Float(idf), docCount: index.docCount, sumTotalTermFreq: index.sumTotalTermFreq)
        // The other terms' positions per document, for the phrase check.
        let following = terms.dropFirst().map { term in
            Dictionary(uniqueKeysWithValues: index.postings(term).map { ($0.ordinal, Set($0.positions)) })
        }
        var scores = none
        for posting in index.postings(first) {
            let frequency = terms.count == 1
                ? index.frequency(posting) : Self.phraseFrequency(posting, following: following)
            if frequency > 0 { scores[posting.ordinal] = scorer.score(frequency: Float(frequency), norm: index.norms[posting.ordinal]) }
        }
        return scores
    }

    /// How many times the terms occur in a row from the first term's positions: Lucene's exact
    /// `PhraseQuery` frequency.
    private static func phraseFrequency(_ first: FieldIndex.Posting, following: [[Int: Set<Int>]]) -> Int {
        let sets = following.compactMap { $0[first.ordinal] }
        guard sets.count == following.count else { return 0 }
        return first.positions.filter { start in
            sets.enumerated().allSatisfy { offset, positions in positions.contains(start + offset + 1) }
        }.count
    }

    // MARK: Full-text queries

    private func matchScores(field: String, text: String, options: SearchQuery.MatchOptions, boost: Float) throws(OpenSearchError) -> [Float?] {
        guard let resolved = resolve(field) else {
            try countLeaves(1)
            return none
        }
        guard resolved.mapping.kind == .text else {
            try countLeaves(1)
            return termScores(field: field, value: .string(text), caseInsensitive: false, boost: boost)
        }
        let terms = analyzer.terms(text).map { Array($0.utf8) }
        if terms.isEmpty {
            try countLeaves(1)
            return options.zeroTermsMatchAll ? constant(boost) { _ in true } : none
        }
        try countLeaves(terms.count)
        if terms.count == 1 { return bm25(terms: terms, field: field, boost: boost) }
        try checkBooleanClauses(terms.count)
        let clauses = terms.map { bm25(terms: [$0], field: field, boost: boost) }
        // `Queries.maybeApplyMinimumShouldMatch` counts the SHOULD clauses: none under `operator: and`,
        // so a positive minimum there matches nothing, as on a cluster.
        let optional = options.requireAll ? 0 : clauses.count
        let minimum = try options.minimumShouldMatch?.required(of: optional) ?? 0
        guard minimum <= optional else { return none }
        return Self.sum(clauses, required: options.requireAll ? clauses.count : max(1, minimum))
    }

    private func phraseScores(field: String, text: String, boost: Float) throws(OpenSearchError) -> [Float?] {
        try countLeaves(1)
        guard let resolved = resolve(field) else { return none }
        guard resolved.mapping.kind == .text else {
            return termScores(field: field, value: .string(text), caseInsensitive: false, boost: boost)
        }
        return bm25(terms: analyzer.terms(text).map { Array($0.utf8) }, field: field, boost: boost)
    }

    private func multiMatchScores(_ query: SearchQuery.MultiMatch, boost: Float) throws(OpenSearchError) -> [Float?] {
        var perField: [[Float?]] = []
        for (pattern, fieldBoost) in query.fields {
            for field in expand(pattern) {
                let fieldScores = query.phrase
                    ? try phraseScores(field: field, text: query.text, boost: boost * fieldBoost)
                    : try matchScores(field: field, text: query.text, options: query.options, boost: boost * fieldBoost)
                perField.append(fieldScores)
            }
        }
        guard !perField.isEmpty else { return none }
        switch query.combination {
        case .mostFields:
            try checkBooleanClauses(perField.count)
            return Self.sum(perField, required: 1)
        case .bestFields(let tieBreaker):
            return documents.indices.map { ordinal in
                // `DisjunctionMaxScorer`: the best score plus the tie breaker times the others', in its order.
                var best: Float = 0
                var others = 0.0
                var matched = false
                for scores in perField {
                    guard let score = scores[ordinal] else { continue }
                    matched = true
                    if score >= best {
                        others += Double(best)
                        best = score
                    } else {
                        others += Double(score)
                    }
                }
                return matched ? Float(Double(best) + others * Double(tieBreaker)) : nil
            }
        }
    }

    /// The fields a `multi_match` field pattern names (`*` globs over the mapped and dynamic fields).
    private func expand(_ pattern: String) -> [String] {
        guard pattern.contains("*") else { return [pattern] }
        var names = Set(types.names)
        if types.typesUnmappedFields {
            for document in documents { Self.leafPaths(document.source, prefix: "", into: &names) }
        }
        return names.filter { name in
            Glob.matches(pattern, name) && [.text, .keyword].contains(resolve(name)?.mapping.kind)
        }.sorted()
    }

    // MARK: Compound queries

    private func boolScores(
        must: [SearchQuery], filter: [SearchQuery], should: [SearchQuery], mustNot: [SearchQuery],
        minimumShouldMatch: MinimumShouldMatch?, boost: Float
    ) throws(OpenSearchError) -> [Float?] {
        if must.isEmpty, filter.isEmpty, should.isEmpty, mustNot.isEmpty {
            try countLeaves(1)
            return constant(boost) { _ in true }
        }
        try checkBooleanClauses(must.count + filter.count + should.count + mustNot.count)
        // OpenSearch 3.2+ (`rewriteMustClausesToFilter`): range and numeric clauses of `must` do not score.
        let scoring = must.filter { !movesToFilter($0) }
        let filters = try (filter + must.filter(movesToFilter)).map { query throws(OpenSearchError) in try scores(query) }
        let required = try scoring.map { query throws(OpenSearchError) in try scores(query, boost: boost) }
        let excluded = try mustNot.map { query throws(OpenSearchError) in try scores(query) }
        let optional = try should.map { query throws(OpenSearchError) in try scores(query, boost: boost) }
        // A negative-only bool gets a `match_all` filter (`Queries.fixNegativeQueryIfNeeded`).
        if must.isEmpty, filter.isEmpty, should.isEmpty { try countLeaves(1) }
        // `should` clauses are optional beside required ones; alone, one must match; an explicit
        // minimum counts only when positive, and more than there are clauses matches nothing.
        var minimum = try minimumShouldMatch?.required(of: optional.count) ?? 0
        if minimum > optional.count { return none }
        if minimum == 0, must.isEmpty, filter.isEmpty, !optional.isEmpty { minimum = 1 }
        return documents.indices.map { ordinal in
            guard required.allSatisfy({ $0[ordinal] != nil }), filters.allSatisfy({ $0[ordinal] != nil }),
                !excluded.contains(where: { $0[ordinal] != nil })
            else { return nil }
            let matchedOptional = optional.compactMap { $0[ordinal] }
            guard matchedOptional.count >= minimum else { return nil }
            // `ReqOptSumScorer`: the required sum and the optional sum, each summed in double, add in float.
            return Self.floatSum(required.compactMap { $0[ordinal] }) + Self.floatSum(matchedOptional)
        }
    }

    /// Whether OpenSearch moves a `must` clause to `filter`: `range`, and term-level or `match`
    /// queries on numeric fields.
    private func movesToFilter(_ query: SearchQuery) -> Bool {
        switch query {
        case .range: return true
        case .boosted(let inner, _): return movesToFilter(inner)
        case .term(let field, _, _), .terms(let field, _), .match(let field, _, _):
            return resolve(field)?.mapping.kind == .number
        default: return false
        }
    }

    /// Scores summed in double and rounded once, as Lucene's disjunction and conjunction scorers do.
    private static func floatSum(_ scores: [Float]) -> Float {
        var total = 0.0
        for score in scores { total += Double(score) }
        return Float(total)
    }

    /// Sums of clause scores where at least `required` clauses match (a disjunction or conjunction).
    private static func sum(_ clauses: [[Float?]], required: Int) -> [Float?] {
        guard let count = clauses.first?.count else { return [] }
        return (0..<count).map { ordinal in
            let matched = clauses.compactMap { $0[ordinal] }
            guard matched.count >= required, !matched.isEmpty else { return nil }
            return floatSum(matched)
        }
    }

    // MARK: Lucene's clause limits

    /// `BooleanQuery.Builder.add`: one Boolean query holds at most `maxClauseCount` clauses.
    private func checkBooleanClauses(_ count: Int) throws(OpenSearchError) {
        guard count > Self.maxClauseCount else { return }
        throw Self.shardFailure("TooManyClauses", "maxClauseCount is set to \(Self.maxClauseCount)")
    }

    /// `IndexSearcher`'s nested-clause visitor: it counts leaves (a term or a phrase each) and refuses
    /// one past `maxClauseCount + 1`.
    private func countLeaves(_ added: Int) throws(OpenSearchError) {
        leafCount += added
        guard leafCount > Self.maxClauseCount + 1 else { return }
        throw Self.shardFailure(
            "TooManyNestedClauses", "Query contains too many nested clauses; maxClauseCount is set to \(Self.maxClauseCount)")
    }

    private static func shardFailure(_ javaClass: String, _ reason: String) -> OpenSearchError {
        OpenSearchError(
            "QueryShardException", reason: "failed to create query: " + reason, status: 400,
            cause: OpenSearchError(javaClass, reason: reason, status: 500))
    }

    // MARK: Fields and values

    private var none: [Float?] { Array(repeating: nil, count: documents.count) }

    private func constant(_ boost: Float, where matches: (Int) -> Bool) -> [Float?] {
        documents.indices.map { matches($0) ? boost : nil }
    }

    /// The field a query names, resolved once per search.
    func resolve(_ field: String) -> IndexFieldTypes.Field? {
        if let known = resolvedFields[field] { return known }
        let found = types.resolve(field) { path in
            for document in self.documents {
                if let value = document.values(at: path).first(where: { $0 != .null }) { return value }
            }
            return nil
        }
        resolvedFields[field] = found
        return found
    }

    private func fieldIndex(_ field: String) -> FieldIndex? {
        if let index = fieldIndexes[field] { return index }
        guard let resolved = resolve(field) else { return nil }
        let index = FieldIndex(
            mapping: resolved.mapping, values: documents.map { $0.values(at: resolved.sourcePath) }, analyzer: analyzer)
        fieldIndexes[field] = index
        return index
    }

    private func values(_ field: String, ordinal: Int) -> [JSONValue] {
        guard let resolved = resolve(field), resolved.mapping.kind != .unsearchable else { return [] }
        return documents[ordinal].values(at: resolved.sourcePath)
    }

    /// The indexed terms of a field in one document: analyzed for text, whole values otherwise.
    private func terms(_ field: String, ordinal: Int) -> [TermBytes] {
        guard let resolved = resolve(field), resolved.mapping.kind != .unsearchable else { return [] }
        if resolved.mapping.kind == .number || resolved.mapping.kind == .date {
            return values(field, ordinal: ordinal).compactMap(SearchQuery.indexedText).map { Array($0.utf8) }
        }
        return fieldIndex(field)?.documents[ordinal]?.terms ?? []
    }

    private static func leafPaths(_ object: JSONObject, prefix: String, into names: inout Set<String>) {
        for (key, value) in object {
            if case .object(let inner) = value {
                leafPaths(inner, prefix: prefix + key + ".", into: &names)
            } else {
                names.insert(prefix + key)
            }
        }
    }
}
