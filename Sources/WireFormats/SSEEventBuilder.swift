/// The fields collected for the event currently being parsed (the WHATWG "buffers").
struct SSEEventBuilder {
    private var data = ""
    private var hasData = false
    private var eventType = ""
    private var retry: Int?

    /// Appends one `data:` line; lines are joined with `\n`, so no trailing newline needs stripping.
    mutating func appendData(_ line: String) {
        if hasData { data.append("\n") }
        data.append(line)
        hasData = true
    }

    mutating func setEventType(_ type: String) { eventType = type }

    mutating func setRetry(_ milliseconds: Int) { retry = milliseconds }

    /// Returns the event if any data line was seen, then resets for the next block either way.
    mutating func dispatch(lastEventID: String?) -> SSEEvent? {
        defer { self = SSEEventBuilder() }
        guard hasData else { return nil }
        return SSEEvent(data: data, event: eventType.isEmpty ? nil : eventType, id: lastEventID, retry: retry)
    }
}
