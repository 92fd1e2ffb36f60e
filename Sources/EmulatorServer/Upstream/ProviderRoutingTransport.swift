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
        self.providers = TrustedEndpoints(patterns: VersionProfile(.latest).trustedEndpointDefaults + Self.googleCloudHosts)
    }

    /// Vertex AI and Google's token endpoint, which `google_cloud` connectors (3.9) call.
    static let googleCloudHosts = [
        #"^https://([a-z0-9][a-z0-9-]*-)?aiplatform\.googleapis\.com/.*$"#, #"^https://oauth2\.googleapis\.com/.*$"#,
    ]

    /// Whether a URL belongs to a well-known provider.
    func isProvider(_ url: String) -> Bool { providers.isTrusted(url) }

    func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        try await (isProvider(request.url) ? mock : live).send(request)
    }
}
