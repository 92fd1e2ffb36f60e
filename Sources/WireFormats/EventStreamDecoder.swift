/// Incrementally splits an `application/vnd.amazon.eventstream` byte stream into messages.
///
/// Feed bytes exactly as they arrive; frames may be split anywhere. Both checksums are verified.
/// A corrupt stream cannot be resynchronized, so after the first error every later call rethrows it.
public struct EventStreamDecoder: Sendable {
    private let maximumMessageLength: Int
    private var buffer: [UInt8] = []
    /// Start of the first frame not yet returned; bytes before it are dead until compaction.
    private var readIndex = 0
    private var failure: EventStreamError?

    /// Creates a decoder that rejects frames longer than `maximumMessageLength` bytes.
    ///
    /// The default is the protocol's 16 MiB limit; a length beyond it means the stream is garbage.
    public init(maximumMessageLength: Int = 16 * 1024 * 1024) {
        self.maximumMessageLength = maximumMessageLength
    }

    /// Consumes `bytes` and returns every message they complete, in order.
    public mutating func feed(_ bytes: some Collection<UInt8>) throws(EventStreamError) -> [EventStreamMessage] {
        if let failure { throw failure }
        buffer.append(contentsOf: bytes)
        var messages: [EventStreamMessage] = []
        do {
            while let message = try nextMessage() {
                messages.append(message)
            }
        } catch {
            failure = error
            throw error
        }
        compactIfWorthwhile()
        return messages
    }

    /// Declares the end of input; throws ``EventStreamError/truncatedStream`` if a frame is incomplete.
    public func finish() throws(EventStreamError) {
        if let failure { throw failure }
        let pending = buffer.count - readIndex
        guard pending == 0 else { throw .truncatedStream(pendingBytes: pending) }
    }

    /// Decodes the frame at `readIndex` if all of it has arrived.
    private mutating func nextMessage() throws(EventStreamError) -> EventStreamMessage? {
        let available = buffer.count - readIndex
        guard available >= EventStreamLimits.preludeLength else { return nil }

        let start = readIndex
        let totalLength = Int(UInt32(bigEndianBytes: buffer[start..<start + 4]))
        let headersLength = Int(UInt32(bigEndianBytes: buffer[start + 4..<start + 8]))
        let preludeChecksum = UInt32(bigEndianBytes: buffer[start + 8..<start + 12])

        // The lengths are only trustworthy once the prelude checksum vouches for them.
        let computedPreludeChecksum = CRC32.checksum(buffer[start..<start + 8])
        guard computedPreludeChecksum == preludeChecksum else {
            throw .preludeChecksumMismatch(expected: preludeChecksum, computed: computedPreludeChecksum)
        }
        guard (EventStreamLimits.minimumMessageLength...maximumMessageLength).contains(totalLength) else {
            throw .invalidTotalLength(totalLength, maximum: maximumMessageLength)
        }
        guard headersLength <= totalLength - EventStreamLimits.minimumMessageLength else {
            throw .invalidHeadersLength(headersLength, totalLength: totalLength)
        }
        guard available >= totalLength else { return nil }

        let checksumStart = start + totalLength - EventStreamLimits.messageChecksumLength
        let messageChecksum = UInt32(bigEndianBytes: buffer[checksumStart..<checksumStart + 4])
        let computedMessageChecksum = CRC32.checksum(buffer[start..<checksumStart])
        guard computedMessageChecksum == messageChecksum else {
            throw .messageChecksumMismatch(expected: messageChecksum, computed: computedMessageChecksum)
        }

        let headersStart = start + EventStreamLimits.preludeLength
        let payloadStart = headersStart + headersLength
        let headers = try EventStreamHeader.parseSection(buffer[headersStart..<payloadStart])
        let payload = Array(buffer[payloadStart..<checksumStart])
        readIndex = start + totalLength
        return EventStreamMessage(headers: headers, payload: payload)
    }

    /// Drops consumed bytes once they dominate the buffer, keeping appends amortized O(1).
    private mutating func compactIfWorthwhile() {
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        } else if readIndex >= 4096, readIndex * 2 >= buffer.count {
            buffer.removeSubrange(..<readIndex)
            readIndex = 0
        }
    }
}
