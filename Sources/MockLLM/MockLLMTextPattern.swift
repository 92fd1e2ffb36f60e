/// A validated regular expression (Swift `Regex` syntax) searched anywhere in a text.
///
/// `Regex` is not `Sendable`, so only the pattern is stored and it is compiled where it is used.
public struct MockLLMTextPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written in the script.
    public let pattern: String

    /// Checks that `pattern` compiles.
    public init(_ pattern: String) throws(MockLLMScriptError) {
        do {
            _ = try Regex(pattern)
        } catch {
            throw MockLLMScriptError(path: "$", message: "invalid regular expression \"\(pattern)\": \(error)")
        }
        self.pattern = pattern
    }

    /// Whether the pattern occurs somewhere in `text`.
    public func isFound(in text: String) -> Bool {
        guard let regex = try? Regex(pattern) else { return false }
        return text.contains(regex)
    }

    /// The pattern as written.
    public var description: String { pattern }
}
