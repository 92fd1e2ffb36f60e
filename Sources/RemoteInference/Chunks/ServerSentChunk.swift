/// One Server-Sent Event a stream handler writes, as exact text.
public protocol ServerSentChunk: Sendable {
    /// The exact SSE event text, blank line included.
    var text: String { get }
}

extension ServerSentChunk {
    /// The exact bytes of the HTTP chunk (UTF-8).
    public var bytes: [UInt8] { Array(text.utf8) }
}
