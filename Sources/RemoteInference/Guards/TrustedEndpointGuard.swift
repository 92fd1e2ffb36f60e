import MLCommonsCore
import Synchronization

/// Wraps every outbound path: the rendered URL must match `trusted_connector_endpoints_regex` at call time
/// too, so a request parameter that rewrites the endpoint cannot send the connector's credential to
/// another host (ml-commons 3.3 checks only the connector's stored URL).
public struct TrustedEndpointGuard: UpstreamTransport {
    public let base: any UpstreamTransport
    /// The current patterns, read at call time.
    public let patterns: @Sendable () async -> [String]

    /// The patterns last seen, compiled, with their verdicts: compiling them per call cost more than the call.
    private let compiled = CompiledPatterns()

    public init(base: any UpstreamTransport, patterns: @escaping @Sendable () async -> [String]) {
        self.base = base
        self.patterns = patterns
    }

    public func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        guard compiled.isTrusted(request.url, under: await patterns()) else { throw OutboundRefusal.untrustedEndpoint() }
        return try await base.send(request)
    }

    /// One compiled pattern list and its verdicts by URL, replaced when the setting changes (connectors call few URLs).
    private final class CompiledPatterns: Sendable {
        private struct Compiled {
            let patterns: [String]
            let endpoints: TrustedEndpoints
            /// Keyed by the URL's bytes: `String` equality is canonical, but patterns match scalar by scalar.
            var verdicts: [[UInt8]: Bool] = [:]
        }

        /// Bounds the verdicts kept for one pattern list; past it they start over.
        private static let maximumVerdicts = 256
        /// Longer URLs are matched every time, so the verdicts hold at most 256 × 2 KB.
        private static let maximumRememberedURLBytes = 2048
        private let last = Mutex<Compiled?>(nil)

        func isTrusted(_ url: String, under patterns: [String]) -> Bool {
            let key = Array(url.utf8)
            let known = last.withLock { last -> (endpoints: TrustedEndpoints?, verdict: Bool?) in
                guard let last, Self.same(last.patterns, patterns) else { return (nil, nil) }
                return (last.endpoints, last.verdicts[key])
            }
            if let verdict = known.verdict { return verdict }
            // Matching runs outside the lock: a pattern may take its whole step budget.
            let endpoints = known.endpoints ?? TrustedEndpoints(patterns: patterns)
            let verdict = endpoints.isTrusted(url)
            guard key.count <= Self.maximumRememberedURLBytes else { return verdict }
            last.withLock { last in
                // Taken out, so the verdicts are changed in place rather than copied.
                var compiled = last.take().flatMap { Self.same($0.patterns, patterns) ? $0 : nil }
                    ?? Compiled(patterns: patterns, endpoints: endpoints)
                if compiled.verdicts.count >= Self.maximumVerdicts { compiled.verdicts.removeAll() }
                compiled.verdicts[key] = verdict
                last = compiled
            }
            return verdict
        }

        /// Whether two pattern lists are the same scalar for scalar (not merely canonically equal).
        private static func same(_ first: [String], _ second: [String]) -> Bool {
            first.count == second.count && zip(first, second).allSatisfy { $0.utf8.elementsEqual($1.utf8) }
        }
    }
}
