import RemoteInference

/// Answers upstream requests in-process from the ``MockLLM``: the same bytes as over HTTP, no socket.
public struct MockLLMTransport: UpstreamTransport {
    public let mock: MockLLM

    public init(mock: MockLLM) { self.mock = mock }

    public func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        let response = mock.respond(to: MockLLMRequest(method: request.method, url: request.url, headers: request.headers, body: request.body))
        let readTimeout = Duration.milliseconds(request.readTimeoutMillis)
        // A hang before any byte is a response head that never comes.
        if response.ending == .hang, response.frames.isEmpty {
            try await Task.sleep(for: readTimeout)
            throw InferenceError(message: "Error communicating with remote model: Read timed out", status: 500)
        }
        let playback = MockLLMFramePlayback(frames: response.frames, ending: response.ending, readTimeout: readTimeout)
        return UpstreamResponse(status: response.status, headers: response.headers, body: ByteChunks(bytes: playback))
    }
}
