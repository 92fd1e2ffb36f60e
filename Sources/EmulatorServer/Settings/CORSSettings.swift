/// OpenSearch's `http.cors.*` node settings, with its defaults.
public struct CORSSettings: Sendable, Hashable {
    /// `http.cors.enabled`.
    public var enabled = false
    /// `http.cors.allow-origin`: `*`, origins separated by commas, or `/regex/`; empty allows none.
    public var allowOrigin = ""
    /// `http.cors.allow-methods`.
    public var allowMethods = ["OPTIONS", "HEAD", "GET", "POST", "PUT", "DELETE"]
    /// `http.cors.allow-headers`.
    public var allowHeaders = ["X-Requested-With", "Content-Type", "Content-Length"]
    /// `http.cors.allow-credentials`.
    public var allowCredentials = false
    /// `http.cors.max-age`, in seconds.
    public var maxAge = 1_728_000

    public init() {}

    /// CORS on for the origins given, everything else at its default (`--cors-allow-origin`).
    public init(allowOrigin: String) {
        enabled = true
        self.allowOrigin = allowOrigin
    }
}
