/// A compiled Jayway JsonPath (json-path 2.9.0, default configuration) for the subset ml-commons uses:
/// `$`, `.key`, `['key']`, `['a','b']`, `[0]`, `[-1]`, `[0,1]`, `[1:3]`, `[*]`, `.*` and `..key`.
/// A definite path yields its value or throws `PathNotFoundException`; an indefinite one yields an array
/// of every match (possibly empty).
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// Where a document came from, which decides the Java class names Jayway's messages mention.
    public enum DocumentModel: Sendable {
        /// `JsonPath.parse(String)`: json-smart `LinkedHashMap`/`JSONArray`, `Integer`/`Long`/`Double`.
        case jsonSmart
        /// Maps built by gson (`LinkedTreeMap`, `ArrayList`, `Double`), e.g. a tensor's `dataAsMap`.
        case gson
    }

    /// The most steps a path may have (Jayway has no limit, but its recursion ends in a `StackOverflowError`).
    public static let maxSteps = 512

    /// The expression as written.
    public let expression: String
    let root: Character
    let tokens: [JSONPathToken]

    /// Compiles `expression` as `JsonPath.compile` does; a path without `$` or `@` gets `$.` in front.
    public init(_ expression: String) throws(JSONPathError) {
        let compiled = try JSONPathCompiler.compile(expression)
        self.expression = expression
        self.root = compiled.root
        self.tokens = compiled.tokens
    }

    /// Whether the path names at most one value (no wildcard, scan, slice or index list).
    public var isDefinite: Bool {
        tokens.indices.allSatisfy { tokens[$0].isDefinite(isLeaf: $0 == tokens.count - 1) }
    }

    /// Jayway's normalised form, e.g. `$['choices'][0]['message']`.
    public var description: String { String(root) + tokens.map(\.fragment).joined() }

    /// `JsonPath.read(document)`: the value of a definite path, or an array of all matches.
    public func read(_ document: JSONValue, model: DocumentModel = .jsonSmart) throws(JSONPathError) -> JSONValue {
        var evaluation = JSONPathEvaluation(tokens: tokens, model: model)
        if tokens.isEmpty {
            evaluation.results.append(document)
        } else {
            try evaluation.evaluate(0, currentPath: String(root), model: document)
        }
        guard isDefinite else { return .array(evaluation.results) }
        guard let last = evaluation.results.last else { throw .pathNotFound("No results for path: \(description)") }
        return last
    }
}
