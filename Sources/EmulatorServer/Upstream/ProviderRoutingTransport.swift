import MLCommonsCore
import RemoteInference

/// Sends calls to the well-known provider hosts (those of ml-commons' default trusted endpoints, Google's of
/// 3.5 included) to the mock, and every other host for real, so the documentation's connectors run with no keys.
struct ProviderRoutingTransport: UpstreamTransport {
    let mock: any UpstreamTransport
    let live: any UpstreamTransport
    private let providers: TrustedEndpoints

    init(mock: any UpstreamTransport, live: any UpstreamTransport) {
        self.mock = mock
        self.live = live
        self.providers = TrustedEndpoints(patterns: VersionProfile(.latest).trustedEndpointDefaults)
    }

    /// Whether a URL belongs to a well-known provider.
    func isProvider(_ url: String) -> Bool { providers.isTrusted(url) }

    func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        try await (isProvider(request.url) ? mock : live).send(request)
    }
}
