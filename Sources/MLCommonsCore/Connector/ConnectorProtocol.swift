/// The connector protocols ml-commons 3.3 accepts.
public enum ConnectorProtocol: String, Sendable, CaseIterable {
    case awsSigV4 = "aws_sigv4"
    case http
    case mcpSSE = "mcp_sse"
    case mcpStreamableHTTP = "mcp_streamable_http"

    /// Validates a protocol name with ml-commons' message.
    public init(validating name: String) throws(OpenSearchError) {
        guard let value = ConnectorProtocol(rawValue: name) else {
            throw .illegalArgument(
                "Unsupported connector protocol. Please use one of [aws_sigv4, http, mcp_sse, mcp_streamable_http]")
        }
        self = value
    }

    public var isMCP: Bool { self == .mcpSSE || self == .mcpStreamableHTTP }
}
