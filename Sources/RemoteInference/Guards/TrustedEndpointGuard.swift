import MLCommonsCore
import Synchronization

/// Wraps every outbound path: the rendered URL must match `trusted_connector_endpoints_regex` at call time
/// too, so a request parameter that rewrites the endpoint cannot send the connector's credential to
/// another host (ml-commons 3.3 checks only the connector's stored URL).
public struct TrustedEndpointGuard: UpstreamTransport {
    public let base: any UpstreamTransport
    /// The current patterns, read at call time.
    public let patterns: @Sendable () async -> [String]

    /// The patterns last seen, compiled, with their verdicts: compiling them on every call cost more than the
    /// call's own work.
    private let compiled = CompiledPatterns()

    public init(base: any UpstreamTransport, patterns: @escaping @Sendable () async -> [String]) {
        self.base = base
        self.patterns = patterns
    }

    public func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        guard compiled.isTrusted(request.url, under: await patterns()) else { throw OutboundRefusal.untrustedEndpoint() }
        return try await base.send(request)
    }

    /// One compiled pattern list and the verdicts it gave, replaced when the setting changes: connectors call the
    /// same few URLs, and running every pattern over a URL again cost more than the rest of the guard's work.
    private final class CompiledPatterns: Sendable {
        private struct Compiled {
            let patterns: [String]
            let endpoints: TrustedEndpoints
            var verdicts: [String: Bool] = [:]
        }

        /// Bounds the verdicts kept for one pattern list; past it they start over.
        private static let maximumVerdicts = 256
        private let last = Mutex<Compiled?>(nil)

        func isTrusted(_ url: String, under patterns: [String]) -> Bool {
            let known = last.withLock { last -> (TrustedEndpoints?, Bool?) in
                guard let last, last.patterns == patterns else { return (nil, nil) }
                return (last.endpoints, last.verdicts[url])
            }
            if let verdict = known.1 { return verdict }
            // Matching runs outside the lock: a pattern may take its whole step budget.
            let endpoints = known.0 ?? TrustedEndpoints(patterns: patterns)
            let verdict = endpoints.isTrusted(url)
            last.withLock { last in
                if last?.patterns != patterns { last = Compiled(patterns: patterns, endpoints: endpoints) }
                if last!.verdicts.count >= Self.maximumVerdicts { last!.verdicts.removeAll() }
                last!.verdicts[url] = verdict
            }
            return verdict
        }
    }
}
