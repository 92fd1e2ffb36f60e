import MLCommonsCore
import MLStore

/// Model groups as the model-group and model routes share them.
struct ModelGroupService: Sendable {
    let emulator: Emulator

    /// `MLModelGroup.toXContent` order.
    static let fieldOrder = [
        "name", "latest_version", "description", "backend_roles", "owner", "access", "model_group_id",
        "created_time", "last_updated_time", "tenant_id",
    ]

    /// Creates a group, refusing a duplicate name, as `MLModelGroupManager.createModelGroup` does: with model
    /// access control (`user`) owned, private unless the request says otherwise; without it public, the
    /// access-control fields refused.
    func create(
        name: String, description: String?, latestVersion: Int, accessControl: AccessControlParameters, user: SecurityUser?
    ) async throws -> String {
        if let existing = try await group(named: name) {
            throw OpenSearchError.illegalArgument(
                "The name you provided is already being used by a model group with ID: \(existing.id).")
        }
        let access = try Self.access(accessControl, user: user)
        let id = emulator.ids.next()
        _ = try await emulator.documents.put(
            SystemIndex.modelGroup, id: id,
            source: Self.document(name: name, description: description, latestVersion: latestVersion, now: emulator.nowMillis(), access: access))
        return id
    }

    /// A new group's access fields: checked for `user`, or the security-off refusal of any.
    static func access(_ accessControl: AccessControlParameters, user: SecurityUser?) throws(OpenSearchError) -> GroupAccess? {
        guard let user else {
            try accessControl.checkModelAccessControlDisabled()
            return nil
        }
        let (mode, roles) = try ModelGroupAccessControl.registration(accessControl, user: user)
        return GroupAccess(mode: mode, backendRoles: roles, owner: user.ownerJSON)
    }

    /// The access part of a group written with model access control on.
    struct GroupAccess: Sendable {
        let mode: String
        let backendRoles: [String]
        let owner: JSONValue
    }

    static func document(name: String, description: String?, latestVersion: Int, now: Int64, access: GroupAccess? = nil) -> JSONObject {
        var source: JSONObject = ["name": .string(name), "latest_version": latestVersion.json]
        if let description { source["description"] = .string(description) }
        if let access {
            source["backend_roles"] = .array(access.backendRoles.map(JSONValue.string))
            source["owner"] = access.owner
        }
        source["access"] = .string(access?.mode ?? "public")
        source["created_time"] = now.json
        source["last_updated_time"] = now.json
        return source
    }

    func group(named name: String) async throws -> StoredDocument? {
        try await emulator.documents.documents(SystemIndex.modelGroup, where: "name", equals: name).first
    }

    func stored(_ id: String) async throws -> StoredDocument {
        guard try await emulator.documents.indexExists(SystemIndex.modelGroup) else {
            throw OpenSearchError.statusException("Failed to find model group index", status: 404)
        }
        guard let document = try await emulator.documents.document(SystemIndex.modelGroup, id: id) else {
            throw OpenSearchError.statusException(
                "Failed to find model group with the provided model group id: \(id)", status: 404)
        }
        return document
    }
}
