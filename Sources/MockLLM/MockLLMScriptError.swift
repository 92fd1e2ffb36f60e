/// Why a mock LLM script was rejected, with the location of the offending value.
public struct MockLLMScriptError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where in the script the problem is, for example `rules[1].match.last_user_message` (`$` for the whole script).
    public let path: String
    /// What is wrong and what was expected.
    public let message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `mock LLM script: <path>: <message>`.
    public var description: String { "mock LLM script: \(path): \(message)" }
}
