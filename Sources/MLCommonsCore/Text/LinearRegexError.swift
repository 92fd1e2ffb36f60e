/// Why ``LinearRegex`` could not compile a pattern, or why it gave up on a match.
public struct LinearRegexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The pattern is not valid Java `java.util.regex` syntax; `index` counts Unicode scalars of the pattern.
        case syntax(index: Int)
        /// Valid Java syntax that a linear-time engine does not provide (backreferences, lookaround, …).
        case unsupported(index: Int)
        /// Groups or character classes nest deeper than ``LinearRegex/maxNestingDepth``.
        case nestingTooDeep
        /// Counted repetitions expand to more than ``LinearRegex/maxProgramSize`` instructions.
        case programTooLarge(instructions: Int)
        /// A match took more than the allowed number of steps.
        case budgetExceeded(budget: Int)
    }

    /// What went wrong, with the details needed to react to it programmatically.
    public let kind: Kind
    /// A one-line explanation that says what to change.
    public let message: String

    init(_ kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// Java's `PatternSyntaxException` wording, so messages read like the ones OpenSearch gives.
    static func syntax(_ javaDescription: String, at index: Int) -> LinearRegexError {
        LinearRegexError(.syntax(index: index), message: "\(javaDescription) near index \(index)")
    }

    static func unsupported(_ message: String, at index: Int) -> LinearRegexError {
        LinearRegexError(.unsupported(index: index), message: message)
    }

    static func nestingTooDeep(limit: Int) -> LinearRegexError {
        LinearRegexError(
            .nestingTooDeep,
            message: "the pattern nests groups or character classes more than \(limit) levels deep; "
                + "flatten the pattern")
    }

    static func programTooLarge(_ instructions: Int, limit: Int) -> LinearRegexError {
        let size = instructions == Int.max ? "more than \(Int.max)" : "\(instructions)"
        return LinearRegexError(
            .programTooLarge(instructions: instructions),
            message: "the pattern expands to \(size) instructions, more than the limit of \(limit); "
                + "use fewer or smaller counted repetitions")
    }

    static func budgetExceeded(_ budget: Int) -> LinearRegexError {
        LinearRegexError(
            .budgetExceeded(budget: budget),
            message: "matching exceeded the budget of \(budget) steps; use a simpler pattern or a shorter text")
    }
}
