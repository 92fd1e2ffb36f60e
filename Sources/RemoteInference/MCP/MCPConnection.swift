import MLCommonsCore

/// Where and how an MCP connector reaches its server: the transport of its protocol, the URL it posts to or
/// streams from, and the headers it sends on every request (credentials already filled in).
public struct MCPConnection: Sendable {
    /// The two MCP transports ml-commons 3.3 speaks.
    public enum Transport: Sendable {
        /// `mcp_streamable_http` (protocol `2025-03-26`): one POST a message, answered as JSON or an event stream.
        case streamableHTTP
        /// `mcp_sse` (protocol `2024-11-05`): a long-lived GET event stream; messages are posted to the endpoint it names.
        case sse
    }

    public var transport: Transport
    /// The connector's `url`, against which the event stream's message endpoint resolves.
    public var baseURL: String
    /// The streamable endpoint, or the event stream's URL.
    public var url: String
    public var headers: [(name: String, value: String)]

    /// A connection from an MCP connector's `url`, endpoint parameter (`endpoint` default `/mcp/`, `sse_endpoint`
    /// default `/sse`) and headers, the endpoint resolved against the URL as `URI.resolve` does.
    public init(transport: Transport, baseURL: String, endpoint: String?, headers: [(name: String, value: String)]) {
        self.transport = transport
        self.baseURL = baseURL
        let path = endpoint ?? (transport == .sse ? "/sse" : "/mcp/")
        self.url = Self.resolve(path, against: baseURL)
        self.headers = headers
    }

    /// The protocol versions the Java SDK 0.12.1 transport accepts; it asks for the last.
    public var protocolVersions: [String] {
        transport == .sse ? ["2024-11-05"] : ["2024-11-05", "2025-03-26"]
    }

    /// `URI.resolve` for the references MCP endpoints are: absolute URLs as they are, `/path` replacing the
    /// base's path, a relative path beside the base's last segment.
    static func resolve(_ reference: String, against base: String) -> String {
        if reference.contains("://") { return reference }
        guard let schemeEnd = base.range(of: "://") else { return base + reference }
        let afterScheme = base[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? afterScheme.endIndex
        let origin = base[..<authorityEnd]
        if reference.hasPrefix("/") { return origin + reference }
        let path = base[authorityEnd...].prefix { $0 != "?" && $0 != "#" }
        let directory = path.lastIndex(of: "/").map { path[...$0] } ?? "/"
        return origin + directory + reference
    }
}
