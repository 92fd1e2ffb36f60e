import MLCommonsCore
import RemoteInference
import Testing

@Suite("Inference results SSE: events written straight out match the document writer")
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

    /// `ModelTensorOutput.toXContent` as a tree, written by XContent's writer: what the events must equal.
    static func document(_ tensors: [JSONValue]) -> [UInt8] {
        let document: JSONValue = ["inference_results": [["output": .array(tensors)]]]
        return Array(("data: " + JSONWriter(escaping: .xContent).string(document) + "\n\n").utf8)
    }

    static func response(_ content: String, _ isLast: Bool) -> JSONValue {
        ["name": "response", "dataAsMap": ["content": .string(content), "is_last": .bool(isLast)]]
    }

    // Bytes, not `String` equality, which would let canonically equal spellings pass.
    @Test func predictChunks() {
        for content in Self.contents {
            for isLast in [false, true] {
                #expect(PredictStreamChunk(content: content, isLast: isLast).bytes == Self.document([Self.response(content, isLast)]),
                        "\(content.debugDescription)")
            }
        }
    }

    @Test func executeChunks() {
        let usage: JSONValue = ["input_tokens": 12, "output_tokens": 3, "model": "gpt-4o \"mini\""]
        for (index, content) in Self.contents.enumerated() {
            let memoryID = Self.contents[(index * 7) % Self.contents.count]
            let parentID = Self.contents[(index * 13) % Self.contents.count]
            for tokenUsage in [nil, usage] as [JSONValue?] {
                let chunk = ExecuteStreamChunk(
                    memoryID: memoryID, parentInteractionID: parentID, content: content, isLast: index.isMultiple(of: 2),
                    tokenUsage: tokenUsage)
                var tensors: [JSONValue] = [
                    ["name": "memory_id", "result": .string(memoryID)],
                    ["name": "parent_interaction_id", "result": .string(parentID)],
                    Self.response(content, index.isMultiple(of: 2)),
                ]
                if let tokenUsage { tensors.append(["name": "token_usage", "dataAsMap": tokenUsage]) }
                #expect(chunk.bytes == Self.document(tensors), "\(content.debugDescription)")
            }
        }
    }
}
