/// Deterministic stand-in for a tokenizer: a token is a word with the whitespace before it.
///
/// Tokens concatenate back to the original text, so streamed chunks reassemble exactly.
enum MockLLMTokenizer {
    /// `"Hello big world"` → `["Hello", " big", " world"]`; trailing whitespace joins the last token.
    static func tokens(_ text: String) -> [Substring] {
        var tokens: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        var seenWord = false
        while index != text.endIndex {
            let isSpace = text[index].isWhitespace
            if isSpace, seenWord {
                // A word just ended: the next token starts at this whitespace.
                var next = index
                while next != text.endIndex, text[next].isWhitespace { next = text.index(after: next) }
                if next == text.endIndex { break }
                tokens.append(text[start..<index])
                start = index
                seenWord = false
                index = next
                continue
            }
            if !isSpace { seenWord = true }
            index = text.index(after: index)
        }
        if start != text.endIndex { tokens.append(text[start...]) }
        return tokens
    }

    /// How many tokens `text` has.
    static func count(_ text: String) -> Int { tokens(text).count }

    /// The text cut into chunks of `tokensPerChunk` tokens each (the last may be shorter).
    static func chunks(_ text: String, tokensPerChunk: Int) -> [String] {
        let tokens = tokens(text)
        let size = max(1, tokensPerChunk)
        return stride(from: 0, to: tokens.count, by: size).map { start in
            tokens[start..<min(start + size, tokens.count)].joined()
        }
    }
}
