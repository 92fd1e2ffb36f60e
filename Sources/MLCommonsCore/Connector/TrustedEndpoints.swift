/// Checks connector URLs against `plugins.ml_commons.trusted_connector_endpoints_regex`.
public struct TrustedEndpoints: Sendable {
    /// The patterns, compiled once; one that does not compile trusts nothing.
    private let patterns: [LinearRegex]

    public init(patterns: [String]) { self.patterns = patterns.compactMap { try? LinearRegex($0) } }

    /// Throws ml-commons' error unless every URL wholly matches one pattern (Java `matches()`).
    public func validate(urls: [String]) throws(OpenSearchError) {
        for url in urls where !isTrusted(url) {
            throw .illegalArgument("Connector URL is not matching the trusted connector endpoint regex")
        }
    }

    /// Whether one pattern matches the whole URL; a pattern that does not compile (or runs out of its step
    /// budget) trusts nothing.
    public func isTrusted(_ url: String) -> Bool {
        patterns.contains { pattern in (try? pattern.wholeMatch(url)) == true }
    }
}
