import MLCommonsCore
import MLStore

/// Remote-model registration, shared by `_register` and the agents the unified API registers.
struct ModelService: Sendable {
    let emulator: Emulator

    /// Registers a remote model synchronously (`TransportRegisterModelAction`): its connector checked, a model
    /// group found by name or created, a completed `REGISTER_MODEL` task. Returns the task and model ids.
    /// With model access control (`user`), the group must be one the user may use, and a new group is theirs;
    /// with connector access control (`connectorUser`), so must the connector.
    func register(
        _ registration: ModelRegistration, user: SecurityUser? = nil, connectorUser: SecurityUser? = nil
    ) async throws -> (taskID: String, modelID: String) {
        var inlineConnector: JSONObject?
        if let connectorID = registration.connectorID {
            let connector = try await emulator.documents.document(SystemIndex.connector, id: connectorID)
            guard connector != nil || registration.modelInterface != nil else {
                throw OpenSearchError.statusException("Failed to find connector:\(connectorID)", status: 404)
            }
            if let connector, let user = connectorUser, !ConnectorAccessControl.isAccessible(connector.source, to: user) {
                throw OpenSearchError.illegalArgument("You don't have permission to use the connector provided, connector id: \(connectorID)")
            }
            // Only `McpConnector` (`mcp_sse`) is refused; the streamable class is another.
            if registration.modelInterface == nil, connector?.source["protocol"]?.stringValue == ConnectorProtocol.mcpSSE.rawValue {
                throw OpenSearchError.illegalArgument("Cannot Create a Model from MCP Connector: \(connectorID)")
            }
        } else {
            guard let connector = registration.connector else {
                throw OpenSearchError.illegalArgument(
                    "You must provide connector content when creating a remote model without connector id!")
            }
            guard connector.actions?.contains(where: { $0.actionType == "PREDICT" }) == true else {
                throw OpenSearchError.illegalArgument(
                    "Connector endpoint is required when creating a remote model without connector id!")
            }
            inlineConnector = try await ConnectorService(emulator: emulator).newDocument(connector, timestamps: false)
        }
        let now = emulator.nowMillis()
        let taskID = emulator.ids.next()
        let modelID = emulator.ids.next()
        let groupID: String
        let version: String
        var newGroupAccess: ModelGroupService.GroupAccess?
        if let group = try await existingGroup(
            given: registration.modelGroupID, name: registration.name, user: user, isPretrained: false)
        {
            groupID = group.id
            version = String((group.source["latest_version"]?.numberValue?.intValue ?? 0) &+ 1)
        } else {
            // A new group: its access fields are checked before any task exists.
            newGroupAccess = try ModelGroupService.access(registration.accessControl, user: user)
            groupID = emulator.ids.next()
            version = "1"
        }
        let modelDocument = registration.document(modelGroupID: groupID, version: version, inlineConnector: inlineConnector, now: now)
        let task = TaskDocument.make(
            modelID: modelID, type: "REGISTER_MODEL", functionName: "REMOTE", state: .completed,
            workerNode: emulator.node.nodeID, isAsync: false, now: now)
        let groupDocument = ModelGroupService.document(
            name: registration.name, description: registration.description, latestVersion: Int(version) ?? 1, now: now,
            access: newGroupAccess)
        try await emulator.documents.transaction { tx in
            if let group = try tx.document(SystemIndex.modelGroup, id: groupID) {
                var source = group.source
                source["latest_version"] = (Int(version) ?? 1).json
                source["last_updated_time"] = now.json
                try tx.put(SystemIndex.modelGroup, id: groupID, source: source)
            } else {
                try tx.put(SystemIndex.modelGroup, id: groupID, source: groupDocument)
            }
            try tx.put(SystemIndex.task, id: taskID, source: task)
            try tx.put(SystemIndex.model, id: modelID, source: modelDocument)
        }
        return (taskID, modelID)
    }
}

extension ModelService {
    /// The group a local registration goes into: the one named, else the one with the model's name, else a
    /// new public group at version 0 (`TransportRegisterModelAction`'s group step).
    func groupID(
        name: String, description: String?, given: String?, accessControl: AccessControlParameters, user: SecurityUser? = nil,
        isPretrained: Bool = false
    ) async throws -> String {
        if let group = try await existingGroup(given: given, name: name, user: user, isPretrained: isPretrained) {
            return group.id
        }
        let access = try ModelGroupService.access(accessControl, user: user)
        let id = emulator.ids.next()
        _ = try await emulator.documents.put(
            SystemIndex.modelGroup, id: id,
            source: ModelGroupService.document(name: name, description: description, latestVersion: 0, now: emulator.nowMillis(), access: access))
        return id
    }

    /// The group a registration goes into when there is one: the one given (which must exist), else the one
    /// with the model's name; with model access control (`user`) it must be one the user may use, refused with
    /// `TransportRegisterModelAction`'s messages. Nil when a new group is needed.
    func existingGroup(
        given: String?, name: String, user: SecurityUser?, isPretrained: Bool
    ) async throws -> StoredDocument? {
        if let given {
            guard let group = try await emulator.documents.document(SystemIndex.modelGroup, id: given) else {
                throw OpenSearchError.statusException("Failed to find model group with ID: \(given)", status: 404)
            }
            if let user, try !ModelGroupAccessControl.isAccessible(group.source, to: user) {
                throw OpenSearchError.illegalArgument("You don't have permissions to perform this operation on this model.")
            }
            return group
        }
        guard let existing = try await ModelGroupService(emulator: emulator).group(named: name) else { return nil }
        if let user, try !ModelGroupAccessControl.isAccessible(existing.source, to: user) {
            throw OpenSearchError.illegalArgument(isPretrained
                ? "Without a model group ID, the system will use the model name {\(name)} to create a new model group. However, this name is taken by another group with id {\(existing.id)} you can't access. To register this pre-trained model, create a new model group and use its ID in your request."
                : "The name {\(name)} you provided is unavailable because it is used by another model group with id {\(existing.id)} to which you do not have access. Please provide a different name.")
        }
        return existing
    }

    /// Takes the group's next version (`latest_version + 1`, written back), as the worker does before it
    /// registers; a failed registration keeps the version taken.
    func nextVersion(ofGroup groupID: String) async throws -> String {
        let now = emulator.nowMillis()
        let version = try await emulator.documents.transaction { tx -> Int? in
            guard var group = try tx.document(SystemIndex.modelGroup, id: groupID)?.source else { return nil }
            let next = (group["latest_version"]?.numberValue?.intValue ?? 0) &+ 1
            group["latest_version"] = next.json
            group["last_updated_time"] = now.json
            _ = try tx.put(SystemIndex.modelGroup, id: groupID, source: group)
            return next
        }
        guard let version else { throw OpenSearchError.statusException("Model group not found", status: 404) }
        return String(version)
    }
}
