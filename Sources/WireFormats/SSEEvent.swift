/// One dispatched Server-Sent Event.
public struct SSEEvent: Sendable, Hashable {
    /// The payload; several `data:` lines are joined with `\n`.
    public var data: String
    /// The `event:` type, or `nil` for the default `message` type.
    public var event: String?
    /// The last event ID in effect when the event was dispatched (WHATWG `lastEventId`), or `nil` if none.
    public var id: String?
    /// The reconnection delay in milliseconds from a `retry:` field in this event's block.
    public var retry: Int?

    /// Creates an event.
    public init(data: String, event: String? = nil, id: String? = nil, retry: Int? = nil) {
        self.data = data
        self.event = event
        self.id = id
        self.retry = retry
    }
}
