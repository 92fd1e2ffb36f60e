import MLCommonsCore

/// A validated regular expression (Java syntax, matched in linear time) searched anywhere in a text.
public struct MockLLMTextPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written in the script.
    public let pattern: String
    private let regex: LinearRegex

    /// Compiles `pattern`; constructs that need backtracking (backreferences, lookaround) are refused.
    public init(_ pattern: String) throws(MockLLMScriptError) {
        do {
            regex = try LinearRegex(pattern)
        } catch {
            throw MockLLMScriptError(path: "$", message: "invalid regular expression \"\(pattern)\": \(error)")
        }
        self.pattern = pattern
    }

    /// Whether the pattern occurs somewhere in `text`; a search that runs out of its step budget counts as
    /// no match, so one rule cannot hold up a request.
    public func isFound(in text: String) -> Bool {
        (try? regex.isFound(in: text)) ?? false
    }

    /// The pattern as written.
    public var description: String { pattern }
}
