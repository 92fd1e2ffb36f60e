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
                names = byName.keys.filter { Glob.matches(expression, $0) }.sorted {
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
}
