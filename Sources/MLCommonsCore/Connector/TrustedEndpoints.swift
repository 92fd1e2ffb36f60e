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

    public func isTrusted(_ url: String) -> Bool {
        patterns.contains { pattern in
            guard let regex = try? Regex(pattern) else { return false }
            return (try? regex.wholeMatch(in: url)) != nil
        }
    }
}
