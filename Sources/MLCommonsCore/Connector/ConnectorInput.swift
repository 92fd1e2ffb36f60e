/// A connector as given to `_create`, inline in `_register`, or to `PUT` (then every field is optional).
public struct ConnectorInput: Sendable, Hashable {
    public var name: String?
    public var description: String?
    public var version: String?
    public var connectorProtocol: String?
    public var parameters: JSONObject?
    public var credential: JSONObject?
    public var actions: [ConnectorAction]?
    /// Refused at creation without the security plugin; an update stores them regardless.
    public var accessControl = AccessControlParameters()
    public var clientConfig: ConnectorClientConfig?
    public var tenantID: String?
    /// An MCP connector's server URL and the headers it sends (`${credential.*}` filled in at use).
    public var url: String?
    public var headers: JSONObject?

    /// Reads the fields `MLCreateConnectorInput.parse` reads.
    public init(parsing value: JSONValue) throws(OpenSearchError) {
        let fields = try RequestObject(value)
        name = try fields.string("name")
        description = try fields.string("description")
        version = try fields.string("version")
        connectorProtocol = try fields.string("protocol")
        parameters = try fields.parameterMap("parameters")
        credential = try fields.stringMap("credential")
        if let items = try fields.array("actions") {
            var parsed: [ConnectorAction] = []
            for item in items { parsed.append(try ConnectorAction(parsing: item)) }
            actions = parsed
        }
        accessControl = try AccessControlParameters(fields, lowercasingMode: false)
        if let config = try fields.object("client_config") { clientConfig = try ConnectorClientConfig(parsing: config) }
        tenantID = try fields.string("tenant_id")
        url = try fields.string("url")
        headers = try fields.stringMap("headers")
    }

    /// The checks `MLCreateConnectorInput` and the connector constructors make for a new connector.
    public func validateForCreate(profile: VersionProfile = VersionProfile()) throws(OpenSearchError) {
        guard name != nil else { throw .illegalArgument("Connector name is null") }
        guard version != nil else { throw .illegalArgument("Connector version is null") }
        guard let connectorProtocol else { throw .illegalArgument("Connector protocol is null") }
        let parsedProtocol = try ConnectorProtocol(validating: connectorProtocol, profile: profile)
        // A `google_cloud` connector on Application Default Credentials has none of its own.
        let usesADC = parsedProtocol == .googleCloud && parameters?["auth_mode"]?.stringValue?.lowercased() == "adc"
        if !parsedProtocol.isMCP, !usesADC, credential?.isEmpty ?? true {
            throw .illegalArgument("Connector credential is null or empty list")
        }
        if parsedProtocol == .awsSigV4 {
            try validateAWS()
        }
    }

    /// `GoogleCloudConnector.validate`: a service account's key and e-mail, or ADC without them.
    public func validateGoogleCloud() throws(OpenSearchError) {
        guard connectorProtocol == ConnectorProtocol.googleCloud.rawValue else { return }
        let keys = ["private_key", "client_email"]
        if parameters?["auth_mode"]?.stringValue?.lowercased() == "adc" {
            if keys.contains(where: { credential?[$0] != nil }) {
                throw .illegalArgument("auth_mode=adc must not include service-account credentials (private_key/client_email)")
            }
        } else if !keys.allSatisfy({ credential?[$0] != nil }) {
            throw .illegalArgument("Missing credential")
        }
    }

    /// `McpConnector`'s own check when the transport action builds it (after the MCP flag's).
    public func validateMCPURL() throws(OpenSearchError) {
        guard ConnectorProtocol(rawValue: connectorProtocol ?? "")?.isMCP == true else { return }
        if url?.isJavaBlank ?? true { throw .illegalArgument("MCP Connector url is null or blank") }
    }

    /// `AwsConnector.validate`: keys, service name and region must be present.
    func validateAWS() throws(OpenSearchError) {
        let credential = credential ?? JSONObject()
        let hasKeys = (credential["access_key"]?.stringValue != nil) && (credential["secret_key"]?.stringValue != nil)
        let hasRole = credential["roleArn"]?.stringValue != nil
        guard hasKeys || hasRole else { throw .illegalArgument("Missing credential") }
        let parameters = parameters ?? JSONObject()
        guard parameters["service_name"]?.stringValue?.isEmpty == false else {
            throw .illegalArgument("Missing service name")
        }
        guard parameters["region"]?.stringValue?.isEmpty == false else { throw .illegalArgument("Missing region") }
    }
}
