/// A `minimum_should_match` value: `2`, `-1`, `75%`, `-25%` or conditional `3<90%`, resolved against
/// the number of optional clauses as OpenSearch's `Queries.calculateMinShouldMatch` does.
public struct MinimumShouldMatch: Sendable, Hashable {
    public let spec: String

    /// Checks the spec's form; OpenSearch fails on it only when the query runs, with the same text.
    public init(parsing spec: String) throws(OpenSearchError) {
        self.spec = spec
        _ = try required(of: 1)
    }

    /// How many of `optionalClauses` must match.
    public func required(of optionalClauses: Int) throws(OpenSearchError) -> Int {
        let trimmed = spec.trimmingWhitespace()
        if trimmed.contains("<") {
            var result = optionalClauses
            let normalised = trimmed.replacing(/\s*<\s*/, with: "<")
            for condition in normalised.split(separator: " ", omittingEmptySubsequences: true) {
                let parts = condition.split(separator: "<", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else { throw invalid }
                let upperBound = try Self.integer(parts[0], spec: spec)
                if optionalClauses <= upperBound { return result }
                result = try Self.simple(String(parts[1]), optionalClauses: optionalClauses, spec: spec)
            }
            return result
        }
        return try Self.simple(trimmed, optionalClauses: optionalClauses, spec: spec)
    }

    private static func simple(_ text: String, optionalClauses: Int, spec: String) throws(OpenSearchError) -> Int {
        var result = optionalClauses
        if text.contains("%") {
            let percent = try integer(text.dropLast(), spec: spec)
            // Float arithmetic and truncation toward zero, as Java's `(int) calc`.
            let calc = Float(result * percent) * (1 / Float(100))
            result = calc < 0 ? result + Int(calc) : Int(calc)
        } else {
            let calc = try integer(Substring(text), spec: spec)
            result = calc < 0 ? result + calc : calc
        }
        return max(0, result)
    }

    private static func integer(_ text: Substring, spec: String) throws(OpenSearchError) -> Int {
        guard let value = Int32(text) else {
            throw OpenSearchError.illegalArgument("For input string: \"\(text)\"")
        }
        return Int(value)
    }

    private var invalid: OpenSearchError { .illegalArgument("For input string: \"\(spec)\"") }
}
