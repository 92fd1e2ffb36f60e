/// One field of one index, inverted the way Lucene indexes it: each document's terms with their
/// positions, its norm, and the field's collection statistics. Deleted documents are not in it
/// (the emulator's indices behave as if every delete were merged away at once).
struct FieldIndex {
    /// The terms of one document's field, in position order.
    struct DocumentTerms {
        var terms: [String]
        var positions: [Int]
    }

    let mapping: FieldMapping
    /// Per document (in the scorer's order); nil when the document has no term in the field.
    let documents: [DocumentTerms?]
    /// Per document: the field's length as its one-byte norm (`SmallFloat.intToByte4`), 1 without norms.
    let norms: [UInt8]
    /// Documents with at least one term in the field (`Terms.getDocCount`).
    let docCount: Int
    /// `Terms.getSumTotalTermFreq`: every term occurrence, or every (document, term) pair without frequencies.
    let sumTotalTermFreq: Int64
    private var documentFrequencies: [String: Int] = [:]

    /// OpenSearch's `position_increment_gap` for text: the values of an array are this far apart.
    static let positionIncrementGap = 100

    init(mapping: FieldMapping, values: [[JSONValue]], analyzer: StandardAnalyzer) {
        self.mapping = mapping
        var documents: [DocumentTerms?] = []
        var norms: [UInt8] = []
        var docCount = 0
        var sum: Int64 = 0
        var frequencies: [String: Int] = [:]
        for docValues in values {
            let entry = Self.terms(of: docValues, mapping: mapping, analyzer: analyzer)
            documents.append(entry)
            guard let entry else {
                norms.append(0)
                continue
            }
            docCount += 1
            let distinct = Set(entry.terms)
            for term in distinct { frequencies[term, default: 0] += 1 }
            if mapping.kind == .text {
                sum += Int64(entry.terms.count)
                norms.append(SmallFloat.intToByte4(Int32(clamping: entry.terms.count)))
            } else {
                sum += Int64(distinct.count)
                norms.append(1)
            }
        }
        self.documents = documents
        self.norms = norms
        self.docCount = docCount
        self.sumTotalTermFreq = sum
        self.documentFrequencies = frequencies
    }

    /// `TermStatistics.docFreq`: the documents holding `term`.
    func docFreq(_ term: String) -> Int { documentFrequencies[term] ?? 0 }

    /// How often `term` occurs in document `ordinal` (1 at most for fields without frequencies).
    func frequency(of term: String, in ordinal: Int) -> Int {
        guard let entry = documents[ordinal] else { return 0 }
        if mapping.kind != .text { return entry.terms.contains(term) ? 1 : 0 }
        return entry.terms.reduce(0) { $0 + ($1 == term ? 1 : 0) }
    }

    /// The positions of `term` in document `ordinal`.
    func positions(of term: String, in ordinal: Int) -> [Int] {
        guard let entry = documents[ordinal] else { return [] }
        return entry.terms.indices.filter { entry.terms[$0] == term }.map { entry.positions[$0] }
    }

    /// The indexed terms of a document's values: analyzed text, or whole keyword values (those
    /// longer than `ignore_above` skipped), `T`/`F` for booleans.
    private static func terms(of values: [JSONValue], mapping: FieldMapping, analyzer: StandardAnalyzer) -> DocumentTerms? {
        var terms: [String] = []
        var positions: [Int] = []
        var next = 0
        for value in values {
            switch mapping.kind {
            case .text:
                guard let text = SearchQuery.indexedText(value) else { continue }
                let analyzed = analyzer.terms(text)
                if !terms.isEmpty, !analyzed.isEmpty { next += positionIncrementGap }
                for term in analyzed {
                    terms.append(term)
                    positions.append(next)
                    next += 1
                }
            case .boolean:
                guard let flag = value.boolValue ?? value.stringValue.flatMap({ Bool($0) }) else { continue }
                terms.append(flag ? "T" : "F")
                positions.append(0)
            default:
                guard let text = SearchQuery.indexedText(value) else { continue }
                if let limit = mapping.ignoreAbove, text.utf16.count > limit { continue }
                terms.append(text)
                positions.append(0)
            }
        }
        return terms.isEmpty ? nil : DocumentTerms(terms: terms, positions: positions)
    }
}
