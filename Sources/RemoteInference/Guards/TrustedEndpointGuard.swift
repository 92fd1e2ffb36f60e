import MLCommonsCore
import Synchronization

/// Wraps every outbound path: the rendered URL must match `trusted_connector_endpoints_regex` at call time
/// too, so a request parameter that rewrites the endpoint cannot send the connector's credential to
/// another host (ml-commons 3.3 checks only the connector's stored URL).
public struct TrustedEndpointGuard: UpstreamTransport {
    public let base: any UpstreamTransport
    /// The current patterns, read at call time.
    public let patterns: @Sendable () async -> [String]

    /// The patterns last seen, compiled: compiling them on every call cost more than the call's own work.
    private let compiled = CompiledPatterns()

    public init(base: any UpstreamTransport, patterns: @escaping @Sendable () async -> [String]) {
        self.base = base
        self.patterns = patterns
    }

    public func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        guard compiled.endpoints(for: await patterns()).isTrusted(request.url) else { throw OutboundRefusal.untrustedEndpoint() }
        return try await base.send(request)
    }

    /// One compiled pattern list, replaced when the setting changes.
    private final class CompiledPatterns: Sendable {
        private let last = Mutex<(patterns: [String], endpoints: TrustedEndpoints)?>(nil)

        func endpoints(for patterns: [String]) -> TrustedEndpoints {
            if let cached = last.withLock({ $0 }), cached.patterns == patterns { return cached.endpoints }
            let endpoints = TrustedEndpoints(patterns: patterns)
            last.withLock { $0 = (patterns, endpoints) }
            return endpoints
        }
    }
}
