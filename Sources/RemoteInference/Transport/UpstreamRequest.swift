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

    /// The host part of the URL, lower-cased (empty when the URL has none).
    public var host: String {
        guard let schemeEnd = url.range(of: "://") else { return "" }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@").last ?? authority[...]
        if hostAndPort.hasPrefix("[") { return String(hostAndPort.prefix { $0 != "]" }.dropFirst()).lowercased() }
        return String(hostAndPort.prefix { $0 != ":" }).lowercased()
    }
}
