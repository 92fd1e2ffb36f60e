import WireFormats

/// Feeds an ``EventStreamDecoder`` in pieces that never cross a frame boundary, so the messages before a
/// corrupt frame are all handed out, wherever the input was split.
struct EventStreamFrameFeeder: Sendable {
    private var decoder = EventStreamDecoder()
    /// The first bytes of the current frame, until its 4-byte total length is known.
    private var lengthBytes: [UInt8] = []
    /// Bytes of the current frame still to come, once its length is known.
    private var remainingInFrame: Int?

    /// The messages `bytes` complete, in order, and the framing error that stopped decoding, if any.
    mutating func feed(
        _ bytes: some Collection<UInt8>
    ) -> (messages: [EventStreamMessage], failure: EventStreamError?) {
        var messages: [EventStreamMessage] = []
        var rest = Array(bytes)[...]
        while !rest.isEmpty {
            let piece: ArraySlice<UInt8>
            if let remaining = remainingInFrame {
                piece = rest.prefix(remaining)
                remainingInFrame = remaining - piece.count
            } else {
                piece = rest.prefix(4 - lengthBytes.count)
                lengthBytes.append(contentsOf: piece)
                if lengthBytes.count == 4 {
                    let totalLength = lengthBytes.reduce(0) { $0 << 8 | Int($1) }
                    // A bogus length still lets the prelude (12 bytes) through, where the decoder rejects it.
                    remainingInFrame = max(totalLength, 16) - 4
                    lengthBytes = []
                }
            }
            rest = rest.dropFirst(piece.count)
            if remainingInFrame == 0 { remainingInFrame = nil }
            do {
                messages += try decoder.feed(piece)
            } catch {
                return (messages, error)
            }
        }
        return (messages, nil)
    }
}
