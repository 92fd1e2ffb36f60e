import MLCommonsCore

/// Wraps every outbound path: the rendered URL must match `trusted_connector_endpoints_regex` at call time
/// too, so a request parameter that rewrites the endpoint cannot send the connector's credential to
/// another host (ml-commons 3.3 checks only the connector's stored URL).
public struct TrustedEndpointGuard: UpstreamTransport {
    public let base: any UpstreamTransport
    /// The current patterns, read at call time.
    public let patterns: @Sendable () async -> [String]

    public init(base: any UpstreamTransport, patterns: @escaping @Sendable () async -> [String]) {
        self.base = base
        self.patterns = patterns
    }

    public func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        guard TrustedEndpoints(patterns: await patterns()).isTrusted(request.url) else { throw OutboundRefusal.untrustedEndpoint() }
        return try await base.send(request)
    }
}
