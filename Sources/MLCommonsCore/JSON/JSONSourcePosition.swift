/// A 1-based line and column in a JSON text, counted in characters as Jackson counts them.
public struct JSONSourcePosition: Sendable, Hashable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The location suffix Jackson appends to its messages in OpenSearch 3.x (the source is redacted there).
    public var jacksonSuffix: String {
        "\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: \(line), column: \(column)]"
    }
}
