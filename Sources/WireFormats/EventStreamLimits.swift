/// Sizes fixed by the AWS event-stream wire format.
enum EventStreamLimits {
    /// Total length, headers length and prelude CRC, four bytes each.
    static let preludeLength = 12
    /// The trailing message CRC.
    static let messageChecksumLength = 4
    /// A frame with no headers and no payload.
    static let minimumMessageLength = preludeLength + messageChecksumLength
    /// The protocol's ceiling on one frame; anything larger is treated as corruption.
    static let maximumMessageLength = 16 * 1024 * 1024
    /// The protocol's ceiling on one frame's headers section.
    static let maximumHeadersLength = 128 * 1024
    /// Header names carry a one-byte length.
    static let maximumHeaderNameLength = Int(UInt8.max)
    /// String and byte-array values carry a two-byte length that AWS caps at the signed maximum.
    static let maximumHeaderValueLength = Int(Int16.max)
}
