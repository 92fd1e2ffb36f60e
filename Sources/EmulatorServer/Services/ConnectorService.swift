import MLCommonsCore
import MLStore

/// Connectors as the connector and model routes share them: new documents with encrypted credentials and
/// trusted URLs, and lookups with ml-commons' 404s.
struct ConnectorService: Sendable {
    let emulator: Emulator

    /// A validated, credential-encrypted connector document for `_create` or an inline model connector.
    func newDocument(_ input: ConnectorInput, timestamps: Bool = true) async throws -> JSONObject {
        let encrypted = try input.credential.map { try emulator.cipher.encrypt($0) }
        var document = Connector.document(from: input, encryptedCredential: encrypted, now: emulator.nowMillis())
        if !timestamps {
            document["created_time"] = nil
            document["last_updated_time"] = nil
        }
        try await validateTrusted(document)
        return document
    }

    /// `Connector.validateConnectorURL` against the trusted-endpoint setting.
    func validateTrusted(_ document: JSONObject) async throws(OpenSearchError) {
        let patterns = emulator.settings.current.list(MLCommonsSettings.trustedConnectorEndpointsRegex)
        if let url = document["url"]?.stringValue, ConnectorProtocol(rawValue: document["protocol"]?.stringValue ?? "")?.isMCP == true {
            // An MCP connector has no actions: its server URL is what must be trusted.
            try TrustedEndpoints(patterns: patterns).validate(urls: [url])
            return
        }
        guard document["actions"]?.arrayValue != nil else {
            throw .illegalArgument("No actions configured for this connector")
        }
        try TrustedEndpoints(patterns: patterns).validate(urls: Connector.actionURLs(of: document))
    }

    func stored(_ id: String) async throws -> StoredDocument {
        switch try await emulator.documents.lookup(SystemIndex.connector, id: id) {
        case .found(let document): return document
        case .noIndex: throw OpenSearchError.statusException("Failed to find connector", status: 404)
        case .noDocument:
            throw OpenSearchError.statusException("Failed to find connector with the provided connector id: \(id)", status: 404)
        }
    }

    /// The models on this connector that are deployed or deploying (an update to it is refused while any are).
    func deployedModels(using connectorID: String) async throws -> [String] {
        try await emulator.documents.documents(SystemIndex.model, where: "connector_id", equals: connectorID)
            .filter { ModelState(rawValue: $0.source["model_state"]?.stringValue ?? "")?.isDeployedOrDeploying == true }
            .map(\.id)
    }
}
