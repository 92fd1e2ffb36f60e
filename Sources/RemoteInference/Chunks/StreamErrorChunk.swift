/// The hand-built error event both stream handlers send: `data: {"error": "<message>"}\n\n` (note the
/// space after the colon). It is always the last chunk.
public struct StreamErrorChunk: ServerSentChunk, Hashable {
    /// Which characters of the message are escaped; the two code paths differ.
    public enum Escaping: Sendable, Hashable {
        /// `"` → `\"` and line feed → `\n` (`convertToHttpChunk`, for errors from the engine).
        case quotesAndNewlines
        /// Only `"` → `\"` (`RestMLExecuteStreamAction`'s `onErrorResume`); line feeds stay raw.
        case quotesOnly
    }

    /// The message as ml-commons holds it, before escaping.
    public var message: String
    /// How ``message`` is escaped in ``text``.
    public var escaping: Escaping

    /// A chunk with the given message.
    public init(message: String, escaping: Escaping = .quotesAndNewlines) {
        self.message = message
        self.escaping = escaping
    }

    /// A failure during streaming (`StreamPredictActionListener.onFailure`): a blank or missing
    /// message becomes `Request failed`.
    public static func streamFailure(_ message: String?) -> StreamErrorChunk {
        // Java's `trim()` drops every character up to U+0020.
        guard let message, !message.unicodeScalars.allSatisfy({ $0.value <= 0x20 }) else {
            return StreamErrorChunk(message: "Request failed")
        }
        return StreamErrorChunk(message: message)
    }

    /// The chunk `convertToHttpChunk` sends when it cannot convert a response.
    public static let processingFailed = StreamErrorChunk(message: "Processing failed")

    /// An execute-stream request that failed before or outside the agent's stream (`onErrorResume`):
    /// `Failed to parse request: …` for an `IOException`, else `Error processing request: …`; a missing
    /// Java message prints as `null`.
    public static func executeRequestFailure(_ message: String?, isIOException: Bool = false) -> StreamErrorChunk {
        let prefix = isIOException ? "Failed to parse request: " : "Error processing request: "
        return StreamErrorChunk(message: prefix + (message ?? "null"), escaping: .quotesOnly)
    }

    /// The exact SSE event text.
    public var text: String {
        var escaped = String.UnicodeScalarView()
        // Java's `String.replace` works on UTF-16 units; scalars avoid Swift merging `\r\n` into one character.
        for scalar in message.unicodeScalars {
            switch scalar {
            case "\"": escaped.append(contentsOf: #"\""#.unicodeScalars)
            case "\n" where escaping == .quotesAndNewlines: escaped.append(contentsOf: #"\n"#.unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return "data: {\"error\": \"" + String(escaped) + "\"}\n\n"
    }

}
