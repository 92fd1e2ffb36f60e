import MLCommonsCore

/// Index names as requests give them (`IndicesOptions.strictExpand`): none, `_all` or `*` for every
/// index, `*` wildcards, and exact names that must exist.
public enum IndexNameExpression {
    /// The indices the expressions name, each once: every index in creation order for none or `_all`,
    /// otherwise in request order with a wildcard's matches sorted by name (the lookup is a `TreeMap`).
    public static func resolve(_ expressions: [String], in indices: [IndexInfo]) throws(OpenSearchError) -> [IndexInfo] {
        let expressions = expressions.filter { !$0.isEmpty }
        if expressions.isEmpty || expressions == ["_all"] { return indices }
        let byName = Dictionary(indices.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var selected: [IndexInfo] = []
        var seen = Set<String>()
        for expression in expressions {
            let names: [String]
            if expression.contains("*") {
                names = byName.keys.filter { glob(expression, matches: $0) }.sorted {
                    Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16))
                }
            } else {
                guard byName[expression] != nil else { throw .indexNotFound(expression) }
                names = [expression]
            }
            for name in names where seen.insert(name).inserted { selected.append(byName[name]!) }
        }
        return selected
    }

    /// `Regex.simpleMatch`: `*` matches any run of characters.
    public static func glob(_ pattern: String, matches text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return pattern == text }
        var rest = text[...]
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.firstRange(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts[parts.count - 1])
    }
}
