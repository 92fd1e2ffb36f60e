extension OpenAIChatStreamDecoder: ProviderStreamDecoder {
    public static func check(_ response: UpstreamResponse) async throws(InferenceError) {
        let contentType = response.header("content-type")
        guard !(200...299).contains(response.status) || !isEventStream(contentType: contentType) else { return }
        let body = (try? await response.body.collect(upTo: refusalBodyLimit)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if let error = responseError(status: response.status, contentType: contentType, body: body) { throw error }
    }

    /// OkHttp's `onFailure`, whatever its cause.
    public static func sendFailure(_ error: any Error) -> InferenceError { .sseNetworkFailure }

    public static func readFailure(_ error: UpstreamTransportError) -> InferenceError { .sseNetworkFailure }
}
