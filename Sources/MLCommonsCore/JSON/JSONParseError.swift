/// Why a JSON text could not be read, worded as Jackson words it (OpenSearch's parser), with the
/// 1-based line and column where reading stopped.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Jackson's message without the location suffix.
    public let message: String
    public let line: Int
    public let column: Int
    /// Whether the text ended early (Jackson's `JsonEOFException`) rather than holding a bad character.
    public let isEndOfInput: Bool

    public init(message: String, line: Int, column: Int, isEndOfInput: Bool = false) {
        self.message = message
        self.line = line
        self.column = column
        self.isEndOfInput = isEndOfInput
    }

    /// The Java class OpenSearch reports for this failure.
    public var javaClass: String { isEndOfInput ? "JsonEOFException" : "JsonParseException" }

    /// The message with the location suffix OpenSearch 3.x shows (the source itself is redacted there).
    public var description: String { message + JSONSourcePosition(line: line, column: column).jacksonSuffix }
}
