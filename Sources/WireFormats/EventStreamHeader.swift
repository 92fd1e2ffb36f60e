/// One named, typed header of an event-stream message.
public struct EventStreamHeader: Sendable, Hashable {
    /// The header name, for example `:event-type`.
    public var name: String
    /// The typed header value.
    public var value: EventStreamHeaderValue

    /// Creates a header.
    public init(name: String, value: EventStreamHeaderValue) {
        self.name = name
        self.value = value
    }
}
