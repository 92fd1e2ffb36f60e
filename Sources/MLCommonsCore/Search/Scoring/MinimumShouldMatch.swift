/// A `minimum_should_match` value: `2`, `-1`, `75%`, `-25%` or conditional `3<90%`, resolved against
/// the number of optional clauses as OpenSearch's `Queries.calculateMinShouldMatch` does.
public struct MinimumShouldMatch: Sendable, Hashable {
    /// The spec as given; a malformed one fails when the query runs on the shard, as in OpenSearch.
    public let spec: String

    /// A spec as the request gives it.
    public init(_ spec: String) {
        self.spec = spec
    }

    /// How many of `optionalClauses` must match.
    public func required(of optionalClauses: Int) throws(OpenSearchError) -> Int {
        let trimmed = spec.trimmingWhitespace()
        if trimmed.contains("<") {
            var result = optionalClauses
            let normalised = trimmed.replacing(/\s*<\s*/, with: "<")
            for condition in normalised.split(separator: " ", omittingEmptySubsequences: true) {
                // `String.split("<")` in Java: later parts beyond the second are ignored.
                let parts = condition.split(separator: "<", omittingEmptySubsequences: false)
                guard parts.count >= 2 else { throw Self.numberFormat(String(condition)) }
                let upperBound = try Self.integer(parts[0])
                if optionalClauses <= upperBound { return result }
                result = try Self.simple(String(parts[1]), optionalClauses: optionalClauses)
            }
            return result
        }
        return try Self.simple(trimmed, optionalClauses: optionalClauses)
    }

    private static func simple(_ text: String, optionalClauses: Int) throws(OpenSearchError) -> Int {
        var result = optionalClauses
        if text.contains("%") {
            let percent = try integer(text.dropLast())
            // Float arithmetic and truncation toward zero, as Java's `(int) calc`.
            let calc = Float(result * percent) * (1 / Float(100))
            result = calc < 0 ? result + Int(calc) : Int(calc)
        } else {
            let calc = try integer(Substring(text))
            result = calc < 0 ? result + calc : calc
        }
        return max(0, result)
    }

    private static func integer(_ text: Substring) throws(OpenSearchError) -> Int {
        guard let value = Int32(text) else { throw numberFormat(String(text)) }
        return Int(value)
    }

    /// `Integer.parseInt`'s failure.
    private static func numberFormat(_ text: String) -> OpenSearchError {
        OpenSearchError("NumberFormatException", reason: "For input string: \"\(text)\"", status: 400)
    }
}
