import MLCommonsCore
import WireFormats

/// The Bedrock ConverseStream bodies behind `bedrock-*.bin`, built frame by frame with WireFormats'
/// encoder; the payloads follow what Bedrock sends for Claude, `p` padding included.
enum BedrockFixtureFrames {
    /// A plain answer: `messageStart`, text deltas, `contentBlockStop`, `messageStop end_turn`, `metadata`.
    static let converseStream: [EventStreamMessage] = [
        event("messageStart", ["p": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX", "role": "assistant"]),
    ] + textDeltas.enumerated().map { offset, text in
        event("contentBlockDelta", ["contentBlockIndex": 0, "delta": ["text": .string(text)], "p": padding(offset)])
    } + [
        event("contentBlockStop", ["contentBlockIndex": 0, "p": "abcdefghijklmnopqrstuvwxyzABCDEF"]),
        event("messageStop", ["p": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", "stopReason": "end_turn"]),
        event("metadata", [
            "metrics": ["latencyMs": 1873], "p": "abcdefghijklmnop",
            "usage": ["inputTokens": 27, "outputTokens": 61, "totalTokens": 88],
        ]),
    ]

    /// The text pieces of ``converseStream``, with quotes, a line break and non-ASCII text.
    static let textDeltas = [
        "Prince Hamlet", " is the title", " character of Shakespeare's", " tragedy. His line \"To be,",
        " or not to be\"", " opens the play's", " most famous soliloquy.\n\n", "Émigré critics call", " him “the",
        " melancholy Dane” 🎭.",
    ]

    /// A text preamble, then a `ListIndexTool` call whose input arrives in three fragments.
    static let toolUseStream: [EventStreamMessage] = [
        event("messageStart", ["p": "abcdefghijklmnopqrstuvwxyzABCDEFGH", "role": "assistant"]),
        event("contentBlockDelta", [
            "contentBlockIndex": 0, "delta": ["text": "I'll list the indices in your cluster."], "p": "abcdefgh",
        ]),
        event("contentBlockStop", ["contentBlockIndex": 0, "p": "abcdefghijklmnopqrstu"]),
        event("contentBlockStart", [
            "contentBlockIndex": 1, "p": "abcdefghijklmnopqrstuvwxyzABCD",
            "start": ["toolUse": ["name": "ListIndexTool", "toolUseId": .string(toolUseID)]],
        ]),
    ] + toolInputFragments.map { fragment in
        event("contentBlockDelta", [
            "contentBlockIndex": 1, "delta": ["toolUse": ["input": .string(fragment)]], "p": "abcdefghijk",
        ])
    } + [
        event("contentBlockStop", ["contentBlockIndex": 1, "p": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL"]),
        event("messageStop", ["p": "abcdefghijklmnopq", "stopReason": "tool_use"]),
        event("metadata", [
            "metrics": ["latencyMs": 1291], "p": "abcdefghij",
            "usage": ["inputTokens": 412, "outputTokens": 76, "totalTokens": 488],
        ]),
    ]

    static let toolUseID = "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q"

    /// The `toolUse.input` fragments of ``toolUseStream``; only all of them form one object.
    static let toolInputFragments = ["", "{\"indices\": [\"my-", "index\"], \"verbose\": true, ", "\"limit\": 10, \"ratio\": 1.50}"]

    /// The wire bytes of `messages`.
    static func encoded(_ messages: [EventStreamMessage]) throws -> [UInt8] {
        var bytes: [UInt8] = []
        for message in messages { try EventStreamEncoder().encode(message, into: &bytes) }
        return bytes
    }

    /// An event frame with a compact JSON payload, headers in AWS's order.
    static func event(_ type: String, _ payload: JSONValue) -> EventStreamMessage {
        .event(type: type, payload: Array(payload.compactText.utf8))
    }

    /// An exception frame with Bedrock's `{"message":…}` payload.
    static func exception(_ type: String, message: String) -> EventStreamMessage {
        .exception(type: type, payload: Array(JSONValue.object(["message": .string(message)]).compactText.utf8))
    }

    /// Padding of varying length, as Bedrock varies it to hide token sizes.
    private static func padding(_ seed: Int) -> JSONValue {
        .string(String("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".prefix(4 + seed * 5 % 40)))
    }
}
