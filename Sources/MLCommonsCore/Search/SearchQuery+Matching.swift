extension SearchQuery {
    /// The documents that match, with fields typed from their values as dynamic mapping would (for
    /// filters over documents that are not an index's search, such as an algorithm's input).
    public func matching(_ documents: [StoredDocument]) throws(OpenSearchError) -> [StoredDocument] {
        let scores = try QueryScorer(documents: documents, mappings: JSONObject(), dynamicFields: true).scores(self)
        return zip(documents, scores).compactMap { document, score in score == nil ? nil : document }
    }

    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if let a = lhs.numberValue?.doubleValue ?? lhs.stringValue.flatMap(Double.init),
            let b = rhs.numberValue?.doubleValue ?? rhs.stringValue.flatMap(Double.init)
        {
            return a == b
        }
        return text(of: lhs) == text(of: rhs)
    }

    /// Whether a value lies within a `range` query's bounds.
    static func within(_ bounds: [RangeBound], _ value: JSONValue) -> Bool {
        bounds.allSatisfy { bound in
            switch bound {
            case .greaterThan(let limit, let inclusive):
                guard let order = compare(value, limit) else { return false }
                return inclusive ? order >= 0 : order > 0
            case .lessThan(let limit, let inclusive):
                guard let order = compare(value, limit) else { return false }
                return inclusive ? order <= 0 : order < 0
            }
        }
    }

    /// Orders numbers numerically, ISO dates and other strings lexically.
    static func compare(_ lhs: JSONValue, _ rhs: JSONValue) -> Int? {
        let left = lhs.numberValue?.doubleValue ?? lhs.stringValue.flatMap(Double.init)
        let right = rhs.numberValue?.doubleValue ?? rhs.stringValue.flatMap(Double.init)
        if let left, let right { return left < right ? -1 : (left > right ? 1 : 0) }
        let a = text(of: lhs)
        let b = text(of: rhs)
        return a < b ? -1 : (a > b ? 1 : 0)
    }

    /// The text a scalar value is indexed from (objects, arrays and null index nothing).
    static func indexedText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let number): return number.text
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }

    /// The term a `term` query looks for in a field of `kind`: the value as given (not analyzed),
    /// `T`/`F` for booleans.
    static func queryTerm(_ value: JSONValue, kind: FieldMapping.Kind) -> String? {
        guard kind == .boolean else { return indexedText(value) }
        switch value.boolValue ?? indexedText(value).flatMap({ Bool($0) }) {
        case true?: return "T"
        case false?: return "F"
        case nil: return nil
        }
    }
}
