/// A term as Lucene compares it: its UTF-8 bytes (so `é` and `e` + a combining accent are two terms,
/// and a prefix may end inside a character).
typealias TermBytes = [UInt8]

/// One field of one index, inverted the way Lucene indexes it: each document's terms with their
/// positions, its norm, and the field's collection statistics. Deleted documents are not in it
/// (the emulator's indices behave as if every delete were merged away at once).
struct FieldIndex {
    /// The terms of one document's field, in position order.
    struct DocumentTerms {
        var terms: [TermBytes]
        var positions: [Int]
    }

    /// One document holding a term, with the term's positions there.
    struct Posting {
        let ordinal: Int
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
    /// Term → the documents holding it, in index order.
    private let postings: [TermBytes: [Posting]]

    /// OpenSearch's `position_increment_gap` for text: the values of an array are this far apart.
    static let positionIncrementGap = 100

    init(mapping: FieldMapping, values: [[JSONValue]], analyzer: StandardAnalyzer) {
        self.mapping = mapping
        var documents: [DocumentTerms?] = []
        var norms: [UInt8] = []
        var docCount = 0
        var sum: Int64 = 0
        var postings: [TermBytes: [Posting]] = [:]
        for (ordinal, docValues) in values.enumerated() {
            let entry = Self.terms(of: docValues, mapping: mapping, analyzer: analyzer)
            documents.append(entry)
            guard let entry else {
                norms.append(0)
                continue
            }
            docCount += 1
            var positionsByTerm: [TermBytes: [Int]] = [:]
            for (term, position) in zip(entry.terms, entry.positions) { positionsByTerm[term, default: []].append(position) }
            for (term, positions) in positionsByTerm {
                postings[term, default: []].append(Posting(ordinal: ordinal, positions: positions))
            }
            if mapping.kind == .text {
                sum += Int64(entry.terms.count)
                norms.append(SmallFloat.intToByte4(Int32(clamping: entry.terms.count)))
            } else {
                sum += Int64(positionsByTerm.count)
                norms.append(1)
            }
        }
        self.documents = documents
        self.norms = norms
        self.docCount = docCount
        self.sumTotalTermFreq = sum
        self.postings = postings
    }

    /// `TermStatistics.docFreq`: the documents holding `term`.
    func docFreq(_ term: TermBytes) -> Int { postings[term]?.count ?? 0 }

    /// The documents holding `term`, with its positions in each.
    func postings(_ term: TermBytes) -> [Posting] { postings[term] ?? [] }

    /// How often a posting's term occurs in its document (1 for fields without frequencies).
    func frequency(_ posting: Posting) -> Int { mapping.kind == .text ? posting.positions.count : 1 }

    /// The indexed terms of a document's values: analyzed text, whole keyword values (those longer than
    /// `ignore_above` skipped), `T`/`F` for booleans, every leaf value of a `flat_object`.
    private static func terms(of values: [JSONValue], mapping: FieldMapping, analyzer: StandardAnalyzer) -> DocumentTerms? {
        var terms: [TermBytes] = []
        var positions: [Int] = []
        var next = 0
        for value in values {
            switch mapping.kind {
            case .text:
                guard let text = SearchQuery.indexedText(value) else { continue }
                let analyzed = analyzer.terms(text)
                if !terms.isEmpty, !analyzed.isEmpty { next += positionIncrementGap }
                for term in analyzed {
                    terms.append(Array(term.utf8))
                    positions.append(next)
                    next += 1
                }
            case .boolean:
                guard let flag = value.boolValue ?? value.stringValue.flatMap({ Bool($0) }) else { continue }
                terms.append(Array((flag ? "T" : "F").utf8))
                positions.append(0)
            case .flatObject:
                for leaf in leaves(of: value) {
                    terms.append(Array(leaf.utf8))
                    positions.append(0)
                }
            default:
                guard let text = SearchQuery.indexedText(value) else { continue }
                if let limit = mapping.ignoreAbove, text.utf16.count > limit { continue }
                terms.append(Array(text.utf8))
                positions.append(0)
            }
        }
        return terms.isEmpty ? nil : DocumentTerms(terms: terms, positions: positions)
    }

    /// The scalar values under a `flat_object` value, at any depth.
    private static func leaves(of value: JSONValue) -> [String] {
        switch value {
        case .object(let object): return object.flatMap { leaves(of: $0.value) }
        case .array(let items): return items.flatMap(leaves)
        default: return SearchQuery.indexedText(value).map { [$0] } ?? []
        }
    }
}
