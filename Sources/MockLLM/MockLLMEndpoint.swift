/// The provider operation a request path names.
enum MockLLMEndpoint: Sendable, Hashable {
    /// OpenAI `POST …/v1/chat/completions` (JSON, or SSE when the body says `"stream": true`).
    case openAIChatCompletions
    /// Bedrock `POST /model/{modelId}/converse`.
    case bedrockConverse(modelID: String)
    /// Bedrock `POST /model/{modelId}/converse-stream` (AWS event-stream).
    case bedrockConverseStream(modelID: String)

    /// Recognises the operation from the end of `path`, so any prefix (such as the emulator's control
    /// plane) is allowed in front; the model id is percent-decoded.
    init?(path: String) {
        if path.hasSuffix("/chat/completions") {
            self = .openAIChatCompletions
            return
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 3, segments[segments.count - 3] == "model", !segments[segments.count - 2].isEmpty else {
            return nil
        }
        let modelID = Self.percentDecoded(segments[segments.count - 2])
        switch segments[segments.count - 1] {
        case "converse": self = .bedrockConverse(modelID: modelID)
        case "converse-stream": self = .bedrockConverseStream(modelID: modelID)
        default: return nil
        }
    }

    /// Whether the provider is Bedrock (errors in Bedrock's format) rather than OpenAI.
    var isBedrock: Bool {
        if case .openAIChatCompletions = self { return false }
        return true
    }

    /// `%XX` escapes decoded; malformed escapes are kept literally.
    private static func percentDecoded(_ text: Substring) -> String {
        let utf8 = Array(text.utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
               let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
