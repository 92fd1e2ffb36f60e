extension SearchQuery {
    /// Whether a document matches. Fields are compared by value: `term` is exact (a `.keyword`
    /// suffix names the same field), `match` compares lower-cased word tokens.
    public func matches(_ document: StoredDocument) -> Bool {
        switch self {
        case .matchAll: return true
        case .matchNone: return false
        case .term(let field, let value):
            return document.values(at: Self.fieldName(field)).contains { Self.equal($0, value) }
        case .terms(let field, let values):
            let present = document.values(at: Self.fieldName(field))
            return present.contains { candidate in values.contains { Self.equal(candidate, $0) } }
        case .match(let field, let text, let requireAll):
            let wanted = Self.tokens(text)
            guard !wanted.isEmpty else { return false }
            let present = Set(document.values(at: Self.fieldName(field)).flatMap { Self.tokens(Self.text(of: $0)) })
            return requireAll ? wanted.allSatisfy(present.contains) : wanted.contains(where: present.contains)
        case .ids(let ids): return ids.contains(document.id)
        case .exists(let field):
            return document.values(at: Self.fieldName(field)).contains { $0 != .null }
        case .range(let field, let bounds):
            return document.values(at: Self.fieldName(field)).contains { value in
                bounds.allSatisfy { bound in
                    switch bound {
                    case .greaterThan(let limit, let inclusive):
                        guard let order = Self.compare(value, limit) else { return false }
                        return inclusive ? order >= 0 : order > 0
                    case .lessThan(let limit, let inclusive):
                        guard let order = Self.compare(value, limit) else { return false }
                        return inclusive ? order <= 0 : order < 0
                    }
                }
            }
        case .prefix(let field, let prefix):
            return document.values(at: Self.fieldName(field)).contains { Self.text(of: $0).hasPrefix(prefix) }
        case .bool(let must, let filter, let should, let mustNot, let minimumShouldMatch):
            guard must.allSatisfy({ $0.matches(document) }), filter.allSatisfy({ $0.matches(document) }),
                !mustNot.contains(where: { $0.matches(document) })
            else { return false }
            guard !should.isEmpty else { return true }
            let required = minimumShouldMatch ?? ((must.isEmpty && filter.isEmpty) ? 1 : 0)
            return should.filter { $0.matches(document) }.count >= required
        }
    }

    static func fieldName(_ field: String) -> String {
        field.hasSuffix(".keyword") ? String(field.dropLast(".keyword".count)) : field
    }

    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if case .number(let a) = lhs, case .number(let b) = rhs { return a.doubleValue == b.doubleValue }
        return text(of: lhs) == text(of: rhs)
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

    /// Lower-cased runs of letters and digits, close to the standard analyzer for plain text.
    static func tokens(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }
}
