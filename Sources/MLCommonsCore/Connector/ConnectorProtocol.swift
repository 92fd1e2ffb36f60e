/// The connector protocols ml-commons accepts (`google_cloud` from 3.9).
public enum ConnectorProtocol: String, Sendable, CaseIterable {
    case awsSigV4 = "aws_sigv4"
    case http
    case googleCloud = "google_cloud"
    case mcpSSE = "mcp_sse"
    case mcpStreamableHTTP = "mcp_streamable_http"

    /// Validates a protocol name with the release's message.
    public init(validating name: String, profile: VersionProfile = VersionProfile()) throws(OpenSearchError) {
        let known = Self.allCases.filter { $0 != .googleCloud || profile.googleCloudConnectors }
        guard let value = ConnectorProtocol(rawValue: name), known.contains(value) else {
            throw .illegalArgument(
                "Unsupported connector protocol. Please use one of [\(known.map(\.rawValue).joined(separator: ", "))]")
        }
        self = value
    }

    public var isMCP: Bool { self == .mcpSSE || self == .mcpStreamableHTTP }
}
