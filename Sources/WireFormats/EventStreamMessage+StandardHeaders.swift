extension EventStreamMessage {
    /// `:event-type`, naming the modeled event (for example `contentBlockDelta`).
    public var eventType: String? { stringHeader(named: ":event-type") }

    /// `:message-type`: `event`, `exception` or `error`.
    public var messageType: String? { stringHeader(named: ":message-type") }

    /// `:content-type` of the payload, usually `application/json`.
    public var contentType: String? { stringHeader(named: ":content-type") }

    /// `:exception-type`, naming the modeled exception when `messageType` is `exception`.
    public var exceptionType: String? { stringHeader(named: ":exception-type") }

    /// A modeled event such as Bedrock's `contentBlockDelta`, with the standard headers in AWS's order.
    public static func event(
        type eventType: String,
        payload: [UInt8],
        contentType: String = "application/json"
    ) -> EventStreamMessage {
        EventStreamMessage(
            headers: [
                EventStreamHeader(name: ":event-type", value: .string(eventType)),
                EventStreamHeader(name: ":content-type", value: .string(contentType)),
                EventStreamHeader(name: ":message-type", value: .string("event")),
            ],
            payload: payload
        )
    }

    /// A modeled exception such as `throttlingException`, which ends the stream.
    public static func exception(
        type exceptionType: String,
        payload: [UInt8],
        contentType: String = "application/json"
    ) -> EventStreamMessage {
        EventStreamMessage(
            headers: [
                EventStreamHeader(name: ":exception-type", value: .string(exceptionType)),
                EventStreamHeader(name: ":content-type", value: .string(contentType)),
                EventStreamHeader(name: ":message-type", value: .string("exception")),
            ],
            payload: payload
        )
    }

    private func stringHeader(named name: String) -> String? {
        guard case .string(let value) = headerValue(named: name) else { return nil }
        return value
    }
}
