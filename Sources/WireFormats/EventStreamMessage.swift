/// One frame of an `application/vnd.amazon.eventstream` stream: ordered headers plus an opaque payload.
public struct EventStreamMessage: Sendable, Hashable {
    /// Headers in wire order; names may repeat, lookups return the first match.
    public var headers: [EventStreamHeader]
    /// The payload bytes, typically JSON for Bedrock.
    public var payload: [UInt8]

    /// Creates a message.
    public init(headers: [EventStreamHeader] = [], payload: [UInt8] = []) {
        self.headers = headers
        self.payload = payload
    }

    /// The value of the first header called `name`, if any.
    public func headerValue(named name: String) -> EventStreamHeaderValue? {
        headers.first { $0.name == name }?.value
    }
}
