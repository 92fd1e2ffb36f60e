@testable import RemoteInference
import Testing

@Suite("Inference results SSE: the response event written straight out")
struct InferenceResultsSSETests {
    /// Characters on both sides of every escaping rule: quotes, backslashes, short escapes, other controls,
    /// HTML-sensitive ASCII, U+2028/2029, two-, three- and four-byte UTF-8, a combining accent.
    static let alphabet: [Character] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{01}", "\u{1F}",
        "\u{7F}", "<", ">", "&", "=", "'", "\u{2028}", "\u{2029}", "é", "€", "\u{1F642}", "{", "}", ":", ",",
        "e\u{301}",
    ]

    /// The empty string, every character alone, every ordered pair, and all of them in a row.
    static let contents: [String] = [""] + alphabet.map { String($0) }
        + alphabet.flatMap { first in alphabet.map { String([first, $0]) } } + [String(alphabet)]

    @Test func matchesTheDocumentWriter() {
        for content in Self.contents {
            for isLast in [false, true] {
                let tree = InferenceResultsSSE.event(tensors: [InferenceResultsSSE.responseTensor(content: content, isLast: isLast)])
                // Bytes, not `String` equality, which would let canonically equal spellings pass.
                #expect(Array(InferenceResultsSSE.responseEvent(content: content, isLast: isLast).utf8) == Array(tree.utf8),
                        "\(content.debugDescription)")
            }
        }
    }
}
