import MLCommonsCore

/// `/_plugins/_ml/connectors`: create, get, update, delete, search.
enum ConnectorRoutes {
    static let base = "/_plugins/_ml/connectors"

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        routes.add("POST", "\(base)/_create") { request in
            try await emulator.requireRemoteInference()
            guard request.hasBody else {
                throw OpenSearchError("IOException", reason: "Create Connector request has empty body", status: 500)
            }
            let input = try ConnectorInput(parsing: try request.requiredJSONBody())
            try input.validateForCreate(profile: emulator.profile)
            if input.connectorProtocol == ConnectorProtocol.googleCloud.rawValue,
                !emulator.settings.isEnabled(MLCommonsSettings.vertexAIConnectorEnabled)
            {
                throw OpenSearchError.statusException("The Vertex AI (google_cloud) connector is not enabled.", status: 403)
            }
            try input.validateGoogleCloud()
            // Only `mcp_sse` is gated at creation (through 3.8); a streamable connector is created with the flag off.
            if input.connectorProtocol == ConnectorProtocol.mcpSSE.rawValue,
                !emulator.settings.isEnabled(MLCommonsSettings.mcpConnectorEnabled)
            {
                throw OpenSearchError(
                    "OpenSearchException",
                    reason: "The MCP connector is not enabled. To enable, please update the setting plugins.ml_commons.mcp_connector_enabled",
                    status: 500)
            }
            try input.validateMCPURL()
            var document = try await ConnectorService(emulator: emulator).newDocument(input)
            if let user = await emulator.connectorAccessUser(request) {
                let (access, roles) = try ConnectorAccessControl.creation(input.accessControl, user: user)
                document["backend_roles"] = .array(roles.map(JSONValue.string))
                document["owner"] = user.ownerJSON
                document["access"] = .string(access)
                document = document.ordered(by: Connector.fieldOrder(of: document))
            } else {
                try input.accessControl.checkConnectorAccessControlDisabled()
            }
            let id = emulator.ids.next()
            _ = try await emulator.documents.put(SystemIndex.connector, id: id, source: document)
            return .json(["connector_id": .string(id)])
        }

        routes.add("GET", "\(base)/{connector_id}", query: ["tenant_id"]) { request in
            let id = request.parameter("connector_id")
            let connector = try await ConnectorService(emulator: emulator).stored(id)
            try await emulator.checkConnectorAccess(connector.source, request, else: .statusException(
                "You don't have permission to access this connector", status: 403))
            return .json(.object(Connector.withoutCredential(connector.source)))
        }

        routes.add("PUT", "\(base)/{connector_id}") { request in
            try await emulator.requireRemoteInference()
            let id = request.parameter("connector_id")
            let update = try ConnectorInput(parsing: try request.requiredJSONBody())
            let current = try await ConnectorService(emulator: emulator).stored(id)
            try await emulator.checkConnectorAccess(current.source, request, else: .illegalArgument(
                "You don't have permission to update the connector, connector id: \(id)"))
            let users = try await ConnectorService(emulator: emulator).deployedModels(using: id)
            if !users.isEmpty {
                throw OpenSearchError.statusException(
                    "\(users.count) models are still using this connector, please undeploy the models first: [\(users.joined(separator: ", "))]",
                    status: 400)
            }
            let encrypted = try update.credential.map { try emulator.cipher.encrypt($0) }
            let next = Connector.applying(update, to: current.source, encryptedCredential: encrypted, now: emulator.nowMillis())
            try await ConnectorService(emulator: emulator).validateTrusted(next)
            let result = try await emulator.documents.put(SystemIndex.connector, id: id, source: next)
            return .json(result.json())
        }

        routes.add("DELETE", "\(base)/{connector_id}") { request in
            let id = request.parameter("connector_id")
            guard try await emulator.documents.indexExists(SystemIndex.connector) else {
                throw OpenSearchError.statusException("Failed to find connector", status: 404)
            }
            // Only a non-admin under access control is checked, and only then is a missing connector a 404 here.
            if let user = await emulator.connectorAccessUser(request), !user.isAdmin {
                let connector = try await ConnectorService(emulator: emulator).stored(id)
                guard ConnectorAccessControl.isAccessible(connector.source, to: user) else {
                    throw OpenSearchError("MLValidationException", reason: "You are not allowed to delete this connector", status: 500)
                }
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

        // A user sees public connectors, those sharing a backend role and their own private ones; connectors
        // written before access control (no `access`) only admins see.
        routes.addSearch(
            "\(base)/_search", emulator: emulator, index: SystemIndex.connector, excluding: ["credential"],
            visible: { request in
                guard let user = await emulator.connectorAccessUser(request), !user.isAdmin else { return nil }
                return { AccessControlSearchFilter.isVisible($0.source, to: user) }
            })
    }
}
