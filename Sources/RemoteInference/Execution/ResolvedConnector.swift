import MLCommonsCore

/// A connector ready to call: its parameters, decrypted credential and actions.
public struct ResolvedConnector: Sendable {
    /// `nil` for a name ml-commons does not know: a `PUT` can store any, and such a connector neither signs nor streams.
    public let connectorProtocol: ConnectorProtocol?
    public let parameters: [String: String]
    public let credential: [String: String]
    public let actions: [ConnectorAction]
    public let clientConfig: ConnectorClientConfig

    /// Reads a stored connector document; `credential` must already be decrypted.
    public init(document: JSONObject, credential: JSONObject) throws(OpenSearchError) {
        if let name = document["protocol"]?.stringValue {
            connectorProtocol = ConnectorProtocol(rawValue: name)
        } else {
            connectorProtocol = .http
        }
        parameters = Self.strings(document["parameters"]?.objectValue ?? JSONObject())
        self.credential = Self.strings(credential)
        var actions: [ConnectorAction] = []
        for action in document["actions"]?.arrayValue ?? [] { actions.append(try ConnectorAction(parsing: action)) }
        self.actions = actions
        clientConfig = try document["client_config"]?.objectValue.map { object throws(OpenSearchError) in
            try ConnectorClientConfig(parsing: object)
        } ?? ConnectorClientConfig()
    }

    /// The action of a type (`PREDICT`), as `Connector.findAction` finds it.
    public func action(_ type: String) -> ConnectorAction? {
        actions.first { $0.actionType == type }
    }

    /// Credential values, for redacting them from logs and the journal.
    public var secrets: [String] { Array(credential.values) }

    private static func strings(_ object: JSONObject) -> [String: String] {
        var out: [String: String] = [:]
        for (key, value) in object {
            if let text = value.stringValue { out[key] = text }
        }
        return out
    }
}
