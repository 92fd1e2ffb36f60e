/// Serializes ``SSEEvent`` values as `text/event-stream` bytes.
///
/// An event holding only data encodes to exactly `"data: " + data + "\n\n"`.
public struct SSEEncoder: Sendable {
    /// Creates an encoder; it holds no state.
    public init() {}

    /// Returns the bytes for one event, including the blank line that dispatches it.
    public func encode(_ event: SSEEvent) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(event, into: &bytes)
        return bytes
    }

    /// Appends the bytes for one event to `buffer`.
    ///
    /// Line breaks cannot be represented inside `event` or `id`, so they are dropped there;
    /// inside `data` every line becomes its own `data:` field.
    public func encode(_ event: SSEEvent, into buffer: inout [UInt8]) {
        if let type = event.event {
            appendField("event", value: type.utf8.filter { !Self.isLineBreak($0) }, to: &buffer)
        }
        if let id = event.id {
            // A NUL makes receivers ignore the whole id field, so it is dropped too.
            appendField("id", value: id.utf8.filter { !Self.isLineBreak($0) && $0 != ASCII.null }, to: &buffer)
        }
        if let retry = event.retry, retry >= 0 {
            appendField("retry", value: String(retry).utf8, to: &buffer)
        }
        forEachLine(of: event.data) { line in
            appendField("data", value: line, to: &buffer)
        }
        buffer.append(ASCII.lineFeed)
    }

    /// Returns a comment block (`: text\n\n`); receivers ignore it, so it keeps idle connections alive.
    public func encodeComment(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [ASCII.colon]
        forEachLine(of: text) { line in
            if bytes.count > 1 { bytes.append(ASCII.colon) }
            bytes.append(ASCII.space)
            bytes.append(contentsOf: line)
            bytes.append(ASCII.lineFeed)
        }
        bytes.append(ASCII.lineFeed)
        return bytes
    }

    private func appendField(_ name: StaticString, value: some Collection<UInt8>, to buffer: inout [UInt8]) {
        name.withUTF8Buffer { buffer.append(contentsOf: $0) }
        buffer.append(ASCII.colon)
        buffer.append(ASCII.space)
        buffer.append(contentsOf: value)
        buffer.append(ASCII.lineFeed)
    }

    /// Calls `body` with each line of `text`, splitting at `\r\n`, `\r` or `\n`; empty text is one empty line.
    private func forEachLine(of text: String, _ body: (Substring.UTF8View) -> Void) {
        let utf8 = Substring(text).utf8
        var lineStart = utf8.startIndex
        var index = lineStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard Self.isLineBreak(byte) else {
                utf8.formIndex(after: &index)
                continue
            }
            body(utf8[lineStart..<index])
            utf8.formIndex(after: &index)
            if byte == ASCII.carriageReturn, index != utf8.endIndex, utf8[index] == ASCII.lineFeed {
                utf8.formIndex(after: &index)
            }
            lineStart = index
        }
        body(utf8[lineStart..<index])
    }

    private static func isLineBreak(_ byte: UInt8) -> Bool {
        byte == ASCII.lineFeed || byte == ASCII.carriageReturn
    }
}
