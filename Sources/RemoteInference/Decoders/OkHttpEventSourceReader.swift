import WireFormats

/// Splits a `text/event-stream` body into event data as OkHttp's `ServerSentEventReader`
/// (okhttp-sse 4.12.0, which ml-commons uses) does, on top of the WHATWG ``SSEDecoder``.
///
/// OkHttp differs from WHATWG in two ways that are reproduced here:
/// - a UTF-8 byte order mark is not stripped, so the first line is an unknown field and skipped;
/// - at the end of the body a pending event is dropped, never dispatched, and an unterminated line that
///   OkHttp has started reading as a field (`data: x`, `id:x`…) is a read error.
struct OkHttpEventSourceReader: Sendable {
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    /// The field prefixes OkHttp reads up to the line end; a longer unterminated line fails at EOF.
    private static let fieldPrefixes: [[UInt8]] = ["data:", "id:", "event:", "retry:"].map { Array($0.utf8) }
    /// Enough bytes of a line to tell whether it is longer than the longest field prefix.
    private static let trackedPrefixLength = 7

    private var decoder = SSEDecoder()
    /// The opening bytes, held until they show whether the body starts with a byte order mark.
    private var openingBytes: [UInt8]? = []
    /// The first bytes of the line not yet terminated.
    private var openLinePrefix: [UInt8] = []

    /// The `data` of every event the bytes complete, in order.
    mutating func feed(_ bytes: some Collection<UInt8>) -> [String] {
        var input = Array(bytes)
        if var held = openingBytes {
            held.append(contentsOf: input)
            if held.count < Self.byteOrderMark.count, held.elementsEqual(Self.byteOrderMark.prefix(held.count)) {
                openingBytes = held
                return []
            }
            openingBytes = nil
            // OkHttp skips the whole first line after a BOM; a comment line is skipped the same way.
            if held.starts(with: Self.byteOrderMark) { held.replaceSubrange(0..<3, with: [UInt8(ascii: ":")]) }
            input = held
        }
        trackOpenLine(input)
        return decoder.feed(input).map(\.data)
    }

    /// Ends the body: throws OkHttp's read failure if it stopped inside a field line; drops any pending event.
    func finish() throws(InferenceError) {
        let prefix = openLinePrefix
        let isTruncatedField = Self.fieldPrefixes.contains { field in
            prefix.count > field.count && prefix.starts(with: field)
        }
        if isTruncatedField { throw .sseNetworkFailure }
    }

    private mutating func trackOpenLine(_ input: [UInt8]) {
        if let lastBreak = input.lastIndex(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            openLinePrefix = Array(input[(lastBreak + 1)...].prefix(Self.trackedPrefixLength))
        } else {
            let room = Self.trackedPrefixLength - openLinePrefix.count
            if room > 0 { openLinePrefix.append(contentsOf: input.prefix(room)) }
        }
    }
}
