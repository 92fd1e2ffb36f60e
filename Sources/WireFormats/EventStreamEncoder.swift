/// Serializes ``EventStreamMessage`` values into `application/vnd.amazon.eventstream` frames.
public struct EventStreamEncoder: Sendable {
    /// Creates an encoder; it holds no state.
    public init() {}

    /// Returns one complete frame for `message`.
    public func encode(_ message: EventStreamMessage) throws(EventStreamError) -> [UInt8] {
        var frame: [UInt8] = []
        try encode(message, into: &frame)
        return frame
    }

    /// Appends one complete frame for `message` to `buffer`, leaving `buffer` untouched on failure.
    public func encode(_ message: EventStreamMessage, into buffer: inout [UInt8]) throws(EventStreamError) {
        let frameStart = buffer.count
        do {
            try appendFrame(message, to: &buffer, at: frameStart)
        } catch {
            buffer.removeSubrange(frameStart...)
            throw error
        }
    }

    /// Writes a placeholder prelude, then headers and payload, then patches lengths and checksums
    /// in place so nothing is copied twice.
    private func appendFrame(
        _ message: EventStreamMessage,
        to buffer: inout [UInt8],
        at frameStart: Int
    ) throws(EventStreamError) {
        buffer.append(contentsOf: repeatElement(0, count: EventStreamLimits.preludeLength))
        for header in message.headers {
            try header.append(to: &buffer)
        }
        let headersLength = buffer.count - frameStart - EventStreamLimits.preludeLength
        guard headersLength <= EventStreamLimits.maximumHeadersLength else {
            throw .messageTooLarge("headers take \(headersLength) bytes, limit \(EventStreamLimits.maximumHeadersLength)")
        }
        buffer.append(contentsOf: message.payload)
        let totalLength = buffer.count - frameStart + EventStreamLimits.messageChecksumLength
        guard totalLength <= EventStreamLimits.maximumMessageLength else {
            throw .messageTooLarge("frame takes \(totalLength) bytes, limit \(EventStreamLimits.maximumMessageLength)")
        }

        buffer.replaceBigEndian(UInt32(totalLength), at: frameStart)
        buffer.replaceBigEndian(UInt32(headersLength), at: frameStart + 4)
        let preludeChecksum = CRC32.checksum(buffer[frameStart..<frameStart + 8])
        buffer.replaceBigEndian(preludeChecksum, at: frameStart + 8)
        let messageChecksum = CRC32.checksum(buffer[frameStart...])
        buffer.appendBigEndian(messageChecksum)
    }
}
