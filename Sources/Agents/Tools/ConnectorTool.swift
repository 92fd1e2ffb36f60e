import MLCommonsCore

/// `ConnectorTool`: runs its connector's `execute` action with the tool's parameters and returns the connector's
/// whole `ModelTensorOutput` (`response_filter` is read by the connector, as for any remote call).
public struct ConnectorTool: AgentTool {
    public static let type = "ConnectorTool"
    public static let defaultDescription = "Invokes external service. Required: 'connector_id'. Returns: service response."
    public static let defaultAttributes: [String: String] = [:]
    public static let connectorIDField = "connector_id"

    private let context: ToolContext
    private let attributes: [String: String]
    private let connectorID: String

    /// The constructor refuses a tool without a connector.
    public static func checkSpec(_ spec: ToolSpec) throws(OpenSearchError) {
        guard let connectorID = spec.parameters[connectorIDField], !connectorID.isJavaBlank else {
            throw .illegalArgument("Connector ID can't be null or empty")
        }
    }

    public init(spec: ToolSpec, context: ToolContext) {
        self.context = context
        self.attributes = Self.attributes(for: spec)
        self.connectorID = spec.parameters[Self.connectorIDField] ?? ""
    }

    public func validate(_ parameters: [String: String]) -> Bool { !parameters.isEmpty }

    public func run(_ parameters: [String: String]) async throws -> ToolOutput {
        let parameters = ToolInputParameters.extract(parameters, attributes: attributes)
        return .modelTensors(try await context.executeConnector(connectorID, parameters))
    }
}
