import MockLLM
import RemoteInference

/// Answers upstream requests in-process from the ``MockLLM``: the same bytes as over HTTP, no socket, and
/// the same ``UpstreamTransportError``s a socket would give.
struct InProcessMockTransport: UpstreamTransport {
    let mock: MockLLM

    func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        let response = mock.respond(to: MockLLMRequest(method: request.method, url: request.url, headers: request.headers, body: request.body))
        let readTimeout = Duration.milliseconds(request.readTimeoutMillis)
        // A hang before any byte is a response head that never comes.
        if response.ending == .hang, response.frames.isEmpty {
            try await Task.sleep(for: readTimeout)
            throw UpstreamTransportError.readTimedOut
        }
        let playback = MockLLMFramePlayback(response, readTimeout: readTimeout)
        return UpstreamResponse(status: response.status, headers: response.headers, body: ByteChunks(bytes: playback) { error in
            switch error as? MockLLMFramePlayback.Interruption {
            case .connectionDropped: return UpstreamTransportError.connectionClosed
            case .readTimedOut: return UpstreamTransportError.readTimedOut
            case nil: return error
            }
        })
    }
}
