/// What both stream handlers answer with: a 200 with these headers, then `text/event-stream` chunks.
enum EventStreamResponse {
    static let contentType = "text/event-stream"
    /// The headers both streaming handlers prepare (the content type is set with the body).
    static let headers = [("Cache-Control", "no-cache"), ("Connection", "keep-alive")]

    /// A 200 whose body `producer` writes.
    static func response(_ producer: @escaping @Sendable (StreamWriter) async throws -> Void) -> RESTResponse {
        RESTResponse(status: 200, headers: headers, body: .stream(contentType: contentType, producer: producer))
    }
}
