import MLCommonsCore

/// A reply with its placeholders filled in, ready to be written in a provider's format.
enum MockLLMAnswer: Sendable, Hashable {
    case text(String)
    case toolCall(name: String, arguments: JSONValue)

    /// What the deterministic output token count is taken from.
    var tokenText: String {
        switch self {
        case .text(let text): text
        case .toolCall(let name, let arguments): name + " " + arguments.compactText
        }
    }
}
