/// A failure while encoding or decoding an `application/vnd.amazon.eventstream` byte stream.
///
/// Equality compares only the kind of failure, so callers can match against the static members;
/// the human-readable specifics are in ``description``.
public struct EventStreamError: Error, Hashable, CustomStringConvertible {
    private enum Kind: Hashable {
        case preludeChecksumMismatch
        case messageChecksumMismatch
        case invalidTotalLength
        case invalidHeadersLength
        case malformedHeader
        case truncatedStream
        case headerTooLarge
        case messageTooLarge
    }

    private let kind: Kind
    private let detail: String?

    private init(_ kind: Kind, detail: String? = nil) {
        self.kind = kind
        self.detail = detail
    }

    /// The CRC32 over the 8-byte prelude does not match the one in the frame.
    public static let preludeChecksumMismatch = EventStreamError(.preludeChecksumMismatch)
    /// The CRC32 over the whole frame does not match its trailing checksum.
    public static let messageChecksumMismatch = EventStreamError(.messageChecksumMismatch)
    /// The frame's total length is below the 16-byte minimum or above the decoder's maximum.
    public static let invalidTotalLength = EventStreamError(.invalidTotalLength)
    /// The headers section claims more bytes than the frame holds.
    public static let invalidHeadersLength = EventStreamError(.invalidHeadersLength)
    /// A header could not be parsed: truncated, unknown value type, or invalid UTF-8.
    public static let malformedHeader = EventStreamError(.malformedHeader)
    /// The stream ended in the middle of a frame.
    public static let truncatedStream = EventStreamError(.truncatedStream)
    /// A header name or value exceeds what its length field can express.
    public static let headerTooLarge = EventStreamError(.headerTooLarge)
    /// The encoded message would exceed the protocol's 16 MiB frame or 128 KiB headers limit.
    public static let messageTooLarge = EventStreamError(.messageTooLarge)

    static func preludeChecksumMismatch(expected: UInt32, computed: UInt32) -> Self {
        Self(.preludeChecksumMismatch, detail: "frame says \(hex(expected)), computed \(hex(computed))")
    }

    static func messageChecksumMismatch(expected: UInt32, computed: UInt32) -> Self {
        Self(.messageChecksumMismatch, detail: "frame says \(hex(expected)), computed \(hex(computed))")
    }

    static func invalidTotalLength(_ length: Int, maximum: Int) -> Self {
        Self(.invalidTotalLength, detail: "\(length) bytes, allowed 16...\(maximum)")
    }

    static func invalidHeadersLength(_ length: Int, totalLength: Int) -> Self {
        Self(.invalidHeadersLength, detail: "\(length) header bytes in a \(totalLength)-byte frame")
    }

    static func malformedHeader(_ reason: String) -> Self {
        Self(.malformedHeader, detail: reason)
    }

    static func truncatedStream(pendingBytes: Int) -> Self {
        Self(.truncatedStream, detail: "\(pendingBytes) bytes of an incomplete frame")
    }

    static func headerTooLarge(_ reason: String) -> Self {
        Self(.headerTooLarge, detail: reason)
    }

    static func messageTooLarge(_ reason: String) -> Self {
        Self(.messageTooLarge, detail: reason)
    }

    /// Compares the kind of failure only; see the type's documentation.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.kind == rhs.kind }

    /// Hashes the kind of failure only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }

    /// A one-line explanation including the specifics of this occurrence.
    public var description: String {
        let summary: String
        switch kind {
        case .preludeChecksumMismatch: summary = "event-stream prelude checksum mismatch"
        case .messageChecksumMismatch: summary = "event-stream message checksum mismatch"
        case .invalidTotalLength: summary = "event-stream frame has an invalid total length"
        case .invalidHeadersLength: summary = "event-stream frame has an invalid headers length"
        case .malformedHeader: summary = "event-stream header is malformed"
        case .truncatedStream: summary = "event-stream ended inside a frame"
        case .headerTooLarge: summary = "event-stream header is too large to encode"
        case .messageTooLarge: summary = "event-stream message is too large to encode"
        }
        return detail.map { "\(summary): \($0)" } ?? summary
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
