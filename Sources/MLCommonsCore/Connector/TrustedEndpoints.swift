/// Checks connector URLs against `plugins.ml_commons.trusted_connector_endpoints_regex`.
public struct TrustedEndpoints: Sendable {
    private let patterns: [String]

    public init(patterns: [String]) { self.patterns = patterns }

    /// Throws ml-commons' error unless every URL wholly matches one pattern (Java `matches()`).
    public func validate(urls: [String]) throws(OpenSearchError) {
        for url in urls where !isTrusted(url) {
            throw .illegalArgument("Connector URL is not matching the trusted connector endpoint regex")
        }
    }

    /// Whether one pattern matches the whole URL; a pattern that does not compile (or runs out of its step
    /// budget) trusts nothing.
    public func isTrusted(_ url: String) -> Bool {
        patterns.contains { pattern in (try? LinearRegex(pattern).wholeMatch(url)) == true }
    }
}
