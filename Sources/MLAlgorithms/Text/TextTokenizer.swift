/// BERT's basic tokenizer without the word-piece step: lower-cased, split on white space, each punctuation
/// mark a token of its own, capped at the model's maximum length as ml-commons' tokenizers truncate.
public struct TextTokenizer: Sendable {
    /// Tokens kept per text, the special start and end tokens not counted.
    public let maximumTokens: Int

    public init(maximumTokens: Int = 510) {
        self.maximumTokens = max(0, maximumTokens)
    }

    public func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = ""
        func flush() {
            if !word.isEmpty { tokens.append(word) }
            word = ""
        }
        for character in text.lowercased() {
            if tokens.count >= maximumTokens { break }
            if character.isWhitespace {
                flush()
            } else if character.isPunctuation || character.isSymbol {
                flush()
                tokens.append(String(character))
            } else {
                word.append(character)
            }
        }
        flush()
        return Array(tokens.prefix(maximumTokens))
    }
}
