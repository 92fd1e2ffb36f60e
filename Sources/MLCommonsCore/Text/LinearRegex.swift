/// A regular expression in Java `java.util.regex` syntax, matched in time linear in the text
/// (a Thompson NFA run as a Pike VM), so no user-supplied pattern can backtrack catastrophically.
///
/// The syntax is Java's regular subset: literals and escapes, `.`, classes (nested, ranges, `&&`), `\d \w \s`
/// (ASCII, as Java without `UNICODE_CHARACTER_CLASS`), general-category and POSIX `\p{…}`, anchors,
/// groups, alternation, greedy, lazy and possessive quantifiers, and the inline flags `i s m d u`.
/// Constructs that need backtracking (backreferences, lookaround, atomic groups) throw
/// ``LinearRegexError/Kind/unsupported(index:)``.
///
/// Known differences from Java: possessive quantifiers match like greedy ones (`a*+a` matches `aaa`); a counted
/// repetition of a group that matches the empty string only at some positions (`(^|a){2}`) may match where
/// Java's loop gives up; and matching steps over Unicode scalars, never inside a UTF-16 surrogate pair.
public struct LinearRegex: Sendable, Hashable {
    /// The most VM steps a match may take unless the caller passes another budget.
    public static let defaultStepBudget = 20_000_000
    /// The most VM instructions a pattern may compile to; counted repetitions are expanded into copies.
    public static let maxProgramSize = 20_000
    /// The deepest nesting of groups and character classes the parser accepts. Like the default nest limits
    /// of Rust's `regex` and PCRE2, it keeps parsing within about 300 KiB of stack even unoptimized, below the
    /// 512 KiB of a secondary thread on macOS.
    public static let maxNestingDepth = 250

    /// The pattern as given.
    public let pattern: String
    let program: Program

    /// Compiles `pattern`, or throws why it is invalid, unsupported or too large.
    public init(_ pattern: String) throws(LinearRegexError) {
        self.pattern = pattern
        let (root, sets) = try Parser.parse(pattern)
        program = try Program(compiling: root, sets: sets)
    }

    /// Whether the whole of `text` matches (Java `Matcher.matches()`).
    ///
    /// - Parameter budget: the most VM steps to take; the work is at most about `text × program` steps.
    /// - Throws: ``LinearRegexError/Kind/budgetExceeded(budget:)`` when the match needs more steps.
    public func wholeMatch(
        _ text: String, budget: Int = LinearRegex.defaultStepBudget
    ) throws(LinearRegexError) -> Bool {
        var machine = PikeVM(program: program, budget: budget)
        return try machine.run(on: text, mode: .whole) != nil
    }

    /// Whether some part of `text` matches (Java `Matcher.find()` from the start).
    ///
    /// - Parameter budget: the most VM steps to take; the work is at most about `text × program` steps.
    /// - Throws: ``LinearRegexError/Kind/budgetExceeded(budget:)`` when the search needs more steps.
    public func isFound(in text: String, budget: Int = LinearRegex.defaultStepBudget) throws(LinearRegexError) -> Bool {
        var machine = PikeVM(program: program, budget: budget)
        return try machine.run(on: text, mode: .anyMatch) != nil
    }

    /// The range Java's first `Matcher.find()` reports: the leftmost match, with greedy and lazy
    /// quantifiers and alternatives preferred in Java's order. Only a loop whose body can match both the
    /// empty string and text (`(|a)*`-like) may end elsewhere than in Java.
    ///
    /// - Parameter budget: the most VM steps to take; the work is at most about `text × program` steps.
    /// - Throws: ``LinearRegexError/Kind/budgetExceeded(budget:)`` when the search needs more steps.
    public func firstMatch(
        in text: String, budget: Int = LinearRegex.defaultStepBudget
    ) throws(LinearRegexError) -> Range<String.Index>? {
        var machine = PikeVM(program: program, budget: budget)
        guard let found = try machine.run(on: text, mode: .leftmostFirst) else { return nil }
        let scalars = text.unicodeScalars
        let lower = scalars.index(scalars.startIndex, offsetBy: found.start)
        let upper = scalars.index(lower, offsetBy: found.end - found.start)
        return lower..<upper
    }

    // The program is a function of the pattern, so the pattern alone identifies the value.
    public static func == (lhs: LinearRegex, rhs: LinearRegex) -> Bool { lhs.pattern == rhs.pattern }

    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}
