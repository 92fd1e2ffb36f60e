/// Incrementally parses a `text/event-stream` body as the WHATWG HTML specification describes.
///
/// Bytes may be fed in arbitrarily sized chunks. Text is decoded per complete line, so a UTF-8
/// character split across chunks is never damaged; invalid UTF-8 becomes U+FFFD as the spec requires.
public struct SSEDecoder: Sendable {
    private var buffer: [UInt8] = []
    /// Start of the line being accumulated; earlier bytes are consumed and dropped on compaction.
    private var lineStart = 0
    /// A chunk ended with `\r`, so a `\n` opening the next chunk belongs to the same line break.
    private var skipsLeadingLineFeed = false
    private var awaitsByteOrderMarkCheck = true
    private var pendingEvent = SSEEventBuilder()
    private var lastEventID: String?

    /// Creates a decoder at the start of a stream.
    public init() {}

    /// Consumes `bytes` and returns every event they complete, in order.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [SSEEvent] {
        let scanStart = buffer.count
        buffer.append(contentsOf: bytes)
        guard skipByteOrderMarkIfPresent() else { return [] }

        var events: [SSEEvent] = []
        var index = max(scanStart, lineStart)
        if skipsLeadingLineFeed, index < buffer.count {
            skipsLeadingLineFeed = false
            if buffer[index] == ASCII.lineFeed {
                index += 1
                lineStart = index
            }
        }
        while let lineEnd = buffer[index...].firstIndex(where: Self.isLineBreak) {
            if let event = processLine(buffer[lineStart..<lineEnd]) {
                events.append(event)
            }
            index = lineEnd + 1
            if buffer[lineEnd] == ASCII.carriageReturn {
                // A lone `\r` ends the line right away; a `\n` that follows, now or in the next chunk, is skipped.
                if index < buffer.count {
                    if buffer[index] == ASCII.lineFeed { index += 1 }
                } else {
                    skipsLeadingLineFeed = true
                }
            }
            lineStart = index
        }
        compactIfWorthwhile()
        return events
    }

    /// Ends the stream and returns the event still pending, if its last line was complete.
    ///
    /// Browsers discard an event that lacks its closing blank line; returning it instead helps
    /// with servers that close right after `data: [DONE]\n`. An unterminated final line is
    /// treated as a truncated transfer and discarded with its event. The decoder is reset afterwards.
    public mutating func finish() -> SSEEvent? {
        defer { self = SSEDecoder() }
        guard lineStart == buffer.count else { return nil }
        return pendingEvent.dispatch(lastEventID: lastEventID)
    }

    /// Interprets one line (without its terminator) and returns an event if the line was blank.
    private mutating func processLine(_ line: ArraySlice<UInt8>) -> SSEEvent? {
        guard let first = line.first else {
            return pendingEvent.dispatch(lastEventID: lastEventID)
        }
        guard first != ASCII.colon else { return nil }

        let name: ArraySlice<UInt8>
        var value: ArraySlice<UInt8>
        if let colonIndex = line.firstIndex(of: ASCII.colon) {
            name = line[..<colonIndex]
            value = line[(colonIndex + 1)...]
            if value.first == ASCII.space { value = value.dropFirst() }
        } else {
            name = line
            value = []
        }

        if name.elementsEqual("data".utf8) {
            pendingEvent.appendData(String(decoding: value, as: UTF8.self))
        } else if name.elementsEqual("event".utf8) {
            pendingEvent.setEventType(String(decoding: value, as: UTF8.self))
        } else if name.elementsEqual("id".utf8) {
            if !value.contains(ASCII.null) {
                lastEventID = value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
            }
        } else if name.elementsEqual("retry".utf8) {
            if let milliseconds = Self.parseRetry(value) {
                pendingEvent.setRetry(milliseconds)
            }
        }
        return nil
    }

    /// Skips a UTF-8 byte order mark at the very start; returns `false` while too few bytes have arrived to tell.
    private mutating func skipByteOrderMarkIfPresent() -> Bool {
        guard awaitsByteOrderMarkCheck else { return true }
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let checkedCount = min(buffer.count, byteOrderMark.count)
        if buffer[..<checkedCount].elementsEqual(byteOrderMark[..<checkedCount]) {
            guard checkedCount == byteOrderMark.count else { return false }
            lineStart = byteOrderMark.count
        }
        awaitsByteOrderMarkCheck = false
        return true
    }

    /// Only ASCII digits are valid; anything else makes the spec ignore the field.
    private static func parseRetry(_ value: ArraySlice<UInt8>) -> Int? {
        guard !value.isEmpty else { return nil }
        var result = 0
        for byte in value {
            guard (ASCII.zero...ASCII.nine).contains(byte) else { return nil }
            let (shifted, overflowA) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(Int(byte - ASCII.zero))
            guard !overflowA, !overflowB else { return nil }
            result = sum
        }
        return result
    }

    /// Drops consumed bytes once they dominate the buffer, keeping appends amortized O(1).
    private mutating func compactIfWorthwhile() {
        if lineStart == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            lineStart = 0
        } else if lineStart >= 4096, lineStart * 2 >= buffer.count {
            buffer.removeSubrange(..<lineStart)
            lineStart = 0
        }
    }

    private static func isLineBreak(_ byte: UInt8) -> Bool {
        byte == ASCII.lineFeed || byte == ASCII.carriageReturn
    }
}
