import MLCommonsCore

/// `/_plugins/_ml/connectors`: create, get, update, delete, search.
enum ConnectorRoutes {
    static let base = "/_plugins/_ml/connectors"

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        routes.add("POST", "\(base)/_create") { request in
            try await requireRemoteInference(emulator)
            guard request.hasBody else {
                throw OpenSearchError("IOException", reason: "Create Connector request has empty body", status: 500)
            }
            let input = try ConnectorInput(parsing: try request.requiredJSONBody())
            try input.validateForCreate()
            if let connectorProtocol = input.connectorProtocol, ConnectorProtocol(rawValue: connectorProtocol)?.isMCP == true,
                !(await emulator.settings.isEnabled(MLCommonsSettings.mcpConnectorEnabled))
            {
                throw OpenSearchError(
                    "OpenSearchException",
                    reason: "The MCP connector is not enabled. To enable, please update the setting plugins.ml_commons.mcp_connector_enabled",
                    status: 500)
            }
            let document = try await newConnectorDocument(input, emulator)
            let id = emulator.ids.next()
            _ = try await emulator.documents.put(SystemIndex.connector, id: id, source: document)
            return .json(["connector_id": .string(id)])
        }

        routes.add("GET", "\(base)/{connector_id}", query: ["tenant_id"]) { request in
            let id = request.parameter("connector_id")
            return .json(.object(Connector.withoutCredential(try await stored(id, emulator).source)))
        }

        routes.add("PUT", "\(base)/{connector_id}") { request in
            try await requireRemoteInference(emulator)
            let id = request.parameter("connector_id")
            let update = try ConnectorInput(parsing: try request.requiredJSONBody())
            let current = try await stored(id, emulator)
            let users = try await deployedModels(using: id, emulator)
            if !users.isEmpty {
                throw OpenSearchError.statusException(
                    "\(users.count) models are still using this connector, please undeploy the models first: [\(users.joined(separator: ", "))]",
                    status: 400)
            }
            let encrypted = try update.credential.map { try emulator.cipher.encrypt($0) }
            let next = Connector.applying(update, to: current.source, encryptedCredential: encrypted, now: emulator.nowMillis())
            try await validateTrusted(next, emulator)
            let result = try await emulator.documents.put(SystemIndex.connector, id: id, source: next)
            return .json(result.json())
        }

        routes.add("DELETE", "\(base)/{connector_id}") { request in
            let id = request.parameter("connector_id")
            guard try await emulator.documents.indexExists(SystemIndex.connector) else {
                throw OpenSearchError.statusException("Failed to find connector", status: 404)
            }
            let users = try await emulator.documents.documents(SystemIndex.model, where: "connector_id", equals: id).map(\.id)
            if !users.isEmpty {
                throw OpenSearchError.statusException(
                    "\(users.count) models are still using this connector, please delete or update the models first: [\(users.joined(separator: ", "))]",
                    status: 409)
            }
            guard let result = try await emulator.documents.delete(SystemIndex.connector, id: id) else {
                throw OpenSearchError.statusException("Failed to find connector", status: 404)
            }
            return .json(result.json())
        }

        routes.addSearch("\(base)/_search", emulator: emulator, index: SystemIndex.connector, excluding: ["credential"])
    }

    /// A validated, credential-encrypted connector document for `_create` or an inline model connector.
    static func newConnectorDocument(_ input: ConnectorInput, _ emulator: Emulator, timestamps: Bool = true) async throws -> JSONObject {
        let encrypted = try input.credential.map { try emulator.cipher.encrypt($0) }
        var document = Connector.document(from: input, encryptedCredential: encrypted, now: emulator.nowMillis())
        if !timestamps {
            document["created_time"] = nil
            document["last_updated_time"] = nil
        }
        try await validateTrusted(document, emulator)
        return document
    }

    /// `Connector.validateConnectorURL` against the trusted-endpoint setting.
    static func validateTrusted(_ document: JSONObject, _ emulator: Emulator) async throws(OpenSearchError) {
        guard document["actions"]?.arrayValue != nil else {
            throw .illegalArgument("No actions configured for this connector")
        }
        let patterns = await emulator.settings.current.list(MLCommonsSettings.trustedConnectorEndpointsRegex)
        try TrustedEndpoints(patterns: patterns).validate(urls: Connector.actionURLs(of: document))
    }

    static func stored(_ id: String, _ emulator: Emulator) async throws -> StoredDocument {
        guard try await emulator.documents.indexExists(SystemIndex.connector) else {
            throw OpenSearchError.statusException("Failed to find connector", status: 404)
        }
        guard let document = try await emulator.documents.document(SystemIndex.connector, id: id) else {
            throw OpenSearchError.statusException("Failed to find connector with the provided connector id: \(id)", status: 404)
        }
        return document
    }

    static func deployedModels(using connectorID: String, _ emulator: Emulator) async throws -> [String] {
        try await emulator.documents.documents(SystemIndex.model, where: "connector_id", equals: connectorID)
            .filter { ["DEPLOYED", "PARTIALLY_DEPLOYED", "DEPLOYING"].contains($0.source["model_state"]?.stringValue ?? "") }
            .map(\.id)
    }

    static func requireRemoteInference(_ emulator: Emulator) async throws(OpenSearchError) {
        try await emulator.require(
            MLCommonsSettings.remoteInferenceEnabled,
            else: .illegalState(
                "Remote Inference is currently disabled. To enable it, update the setting \"plugins.ml_commons.remote_inference_enabled\" to true."))
    }
}
