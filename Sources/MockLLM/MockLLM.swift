import MLCommonsCore
import Synchronization

/// The emulator's offline LLM: answers OpenAI chat-completions and Bedrock Converse/ConverseStream
/// requests in the providers' exact wire formats, as a JSON script dictates.
///
/// Output depends only on the request, the script and the clock: ids are hashes of the request,
/// token counts are word counts, and pacing is expressed as frame delays for the transport to honour.
public final class MockLLM: Sendable {
    private let currentScript: Mutex<MockLLMScript>
    /// Secret access keys by access key id, for verifying SigV4-signed Bedrock requests.
    let awsSecrets: [String: String]
    /// The clock behind OpenAI's `created` and SigV4 verification.
    let clock: @Sendable () -> InstantTime

    /// Creates an offline LLM.
    ///
    /// - Parameters:
    ///   - script: what to answer; ``MockLLMScript/empty`` answers `Mock reply to: <last user message>`.
    ///   - awsSecrets: secret access keys by access key id. A request signed with one of these keys must
    ///     carry a valid SigV4 signature (else 403); requests signed with other keys are accepted unchecked.
    ///   - clock: the current time; pass a fixed value for reproducible bytes.
    public init(
        script: MockLLMScript = .empty,
        awsSecrets: [String: String] = [:],
        clock: @escaping @Sendable () -> InstantTime = { InstantTime.now() }
    ) {
        self.currentScript = Mutex(script)
        self.awsSecrets = awsSecrets
        self.clock = clock
    }

    /// The script in use; setting it affects requests that arrive afterwards.
    public var script: MockLLMScript {
        get { currentScript.withLock { $0 } }
        set { currentScript.withLock { $0 = newValue } }
    }

    /// Swaps the script in one step (for example from a control-plane request or between tests).
    public func replaceScript(_ script: MockLLMScript) {
        currentScript.withLock { $0 = script }
    }

    /// Answers one request. Never fails: malformed requests get the provider's own error response.
    public func respond(to request: MockLLMRequest) -> MockLLMResponse {
        let now = clock()
        let identity = MockLLMIdentity(path: request.path, body: request.body, created: now.seconds)
        if let rejection = signatureRejection(of: request, now: now) {
            return BedrockConverseFormat(identity: identity).errorResponse(rejection)
        }
        if MockGoogleOAuth.isTokenRequest(request) { return MockGoogleOAuth.tokenResponse(to: request, now: now) }
        if MockGoogleOAuth.isVertexRequest(request), let rejection = MockGoogleOAuth.vertexRejection(of: request) { return rejection }
        return response(to: request, script: script, identity: identity)
    }
}
