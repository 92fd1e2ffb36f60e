extension OpenAIChatStreamDecoder {
    /// The failure ml-commons reports before reading an OpenAI streaming response, or nil when the body
    /// should be decoded (OkHttp `RealEventSource.processResponse` → `HttpStreamingHandler.onFailure`).
    ///
    /// Non-2xx answers fail with `Error from remote service: <body>`; a 2xx answer whose content type is
    /// not `text/event-stream` fails with OkHttp's "Invalid content-type", reported as
    /// `SSE failure with network error`.
    public static func responseError(
        status: Int, contentType: String?, body: @autoclosure () -> String
    ) -> InferenceError? {
        guard (200...299).contains(status) else { return .streamingRemoteService(body: body()) }
        guard isEventStream(contentType: contentType) else { return .sseNetworkFailure }
        return nil
    }

    /// OkHttp's `isEventStream`: the value parses as a media type whose type/subtype are
    /// `text/event-stream` in any letter case, with any well-formed parameters.
    public static func isEventStream(contentType: String?) -> Bool {
        guard let contentType, let mediaType = OkHttpMediaType(contentType) else { return false }
        return mediaType.type == "text" && mediaType.subtype == "event-stream"
    }
}
