/// One call to a model provider, fully rendered (URL, headers, body) and signed if needed.
public struct UpstreamRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Whether the caller reads the answer as a stream.
    public var isStreaming: Bool
    /// `client_config.connection_timeout` in milliseconds.
    public var connectTimeoutMillis: Int
    /// `client_config.read_timeout` in milliseconds.
    public var readTimeoutMillis: Int
    /// Retries on throttling, for a call that has them (``RetryingTransport``); `nil` for one attempt.
    public var retries: UpstreamRetryPolicy?
    /// The model the call is for and the values to hide wherever the call is shown (``JournalingTransport``).
    public var modelID: String?
    public var secrets: [String] = []

    public init(
        method: String, url: String, headers: [(name: String, value: String)], body: [UInt8], isStreaming: Bool,
        connectTimeoutMillis: Int = 30_000, readTimeoutMillis: Int = 30_000
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.isStreaming = isStreaming
        self.connectTimeoutMillis = connectTimeoutMillis
        self.readTimeoutMillis = readTimeoutMillis
    }

    /// The host part of the URL, lower-cased and without IPv6 brackets (empty when the URL has none).
    public var host: String {
        let written = hostAsWritten
        if written.hasPrefix("[") { return String(written.dropFirst().prefix { $0 != "]" }).lowercased() }
        return written.lowercased()
    }

    /// The port the URL names, or its scheme's default.
    public var port: Int {
        let hostAndPort = self.hostAndPort
        let afterHost = hostAndPort.dropFirst(hostAsWritten.count)
        if afterHost.first == ":", let port = Int(afterHost.dropFirst()) { return port }
        return url.lowercased().hasPrefix("https") ? 443 : 80
    }

    /// The host as the URL spells it, IPv6 brackets included (what `URI.getHost()` returns).
    public var hostAsWritten: String {
        let hostAndPort = self.hostAndPort
        if hostAndPort.hasPrefix("[") {
            let inside = hostAndPort.prefix { $0 != "]" }
            return String(inside) + (inside.count < hostAndPort.count ? "]" : "")
        }
        return String(hostAndPort.prefix { $0 != ":" })
    }

    /// The authority without user information: `host[:port]` (empty when the URL has no `://`).
    private var hostAndPort: Substring {
        guard let schemeEnd = url.range(of: "://") else { return "" }
        let authority = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return authority.split(separator: "@").last ?? authority[...]
    }
}
