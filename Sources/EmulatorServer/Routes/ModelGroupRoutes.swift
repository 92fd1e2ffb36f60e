import MLCommonsCore

/// `/_plugins/_ml/model_groups`: register, get, update, delete, search.
enum ModelGroupRoutes {
    static let base = "/_plugins/_ml/model_groups"

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        routes.add("POST", "\(base)/_register") { request in
            let fields = try RequestObject(try request.requiredJSONBody())
            guard let name = try fields.string("name") else {
                throw OpenSearchError("NullPointerException", reason: "model group name must not be null", status: 500)
            }
            let description = try fields.string("description")
            let accessControl = try AccessControlParameters(fields, lowercasingMode: true)
            let id = try await ModelGroupService(emulator: emulator).create(
                name: name, description: description, latestVersion: 0, accessControl: accessControl,
                user: await emulator.modelAccessUser(request))
            return .json(["model_group_id": .string(id), "status": .string(TaskState.created.rawValue)])
        }

        routes.add("GET", "\(base)/{model_group_id}", query: ["tenant_id"]) { request in
            // `MLModelGroup.toXContent` leaves out an empty `backend_roles`.
            var source = try await ModelGroupService(emulator: emulator).stored(request.parameter("model_group_id")).source
            if let user = await emulator.modelAccessUser(request), try !ModelGroupAccessControl.isAccessible(source, to: user) {
                throw OpenSearchError.statusException(
                    "User doesn't have privilege to perform this operation on this model group", status: 403)
            }
            if source["backend_roles"]?.arrayValue?.isEmpty == true { source["backend_roles"] = nil }
            return .json(.object(source))
        }

        routes.add("PUT", "\(base)/{model_group_id}") { request in
            let id = request.parameter("model_group_id")
            let fields = try RequestObject(try request.requiredJSONBody())
            let name = try fields.string("name")
            let description = try fields.string("description")
            let accessControl = try AccessControlParameters(fields, lowercasingMode: true)
            guard try await emulator.documents.indexExists(SystemIndex.modelGroup) else {
                throw OpenSearchError.statusException("Failed to find model group", status: 404)
            }
            guard let group = try await emulator.documents.document(SystemIndex.modelGroup, id: id) else {
                throw OpenSearchError.statusException(
                    "Failed to find model group with the provided model group id: \(id)", status: 404)
            }
            let user = await emulator.modelAccessUser(request)
            if let user {
                try ModelGroupAccessControl.checkUpdate(accessControl, group: group.source, user: user)
            } else {
                try accessControl.checkModelAccessControlDisabled()
            }
            if let name, let other = try await ModelGroupService(emulator: emulator).group(named: name), other.id != id {
                throw OpenSearchError.illegalArgument(
                    "The name you provided is already being used by another model with ID: \(other.id). Please provide a different name")
            }
            let now = emulator.nowMillis()
            _ = try await emulator.documents.update(SystemIndex.modelGroup, id: id) { source in
                var next = source
                if let name { next["name"] = .string(name) }
                if let description { next["description"] = .string(description) }
                if let user {
                    ModelGroupAccessControl.applyUpdate(accessControl, user: user, to: &next)
                } else if let roles = accessControl.backendRoles {
                    // An empty `backend_roles` passes the check and is still written, making the group restricted.
                    next["access"] = "restricted"
                    next["backend_roles"] = .array(roles.map(JSONValue.string))
                }
                next["last_updated_time"] = now.json
                return next.ordered(by: ModelGroupService.fieldOrder)
            }
            return .json(["status": "Updated"])
        }

        routes.add("DELETE", "\(base)/{model_group_id}") { request in
            let id = request.parameter("model_group_id")
            try await emulator.checkModelGroupAccess(id, request, else: OpenSearchError(
                "MLValidationException", reason: "User doesn't have privilege to delete this model group", status: 500))
            let models = try await emulator.documents.documents(SystemIndex.model, where: "model_group_id", equals: id)
            if !models.isEmpty {
                throw OpenSearchError.statusException(
                    "Cannot delete the model group when it has associated model versions", status: 409)
            }
            guard let result = try await emulator.documents.delete(SystemIndex.modelGroup, id: id) else {
                throw OpenSearchError.statusException("Failed to find model group", status: 404)
            }
            return .json(result.json())
        }

        // A user sees public groups, groups sharing a backend role and their own private groups.
        routes.addSearch("\(base)/_search", emulator: emulator, index: SystemIndex.modelGroup, visible: { request in
            guard let user = await emulator.modelAccessUser(request), !user.isAdmin else { return nil }
            return { AccessControlSearchFilter.isVisible($0.source, to: user) }
        })
    }
}
