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

    /// Creates a public group, refusing a duplicate name, then access-control fields (no security
    /// plugin), as `MLModelGroupManager.createModelGroup` does.
    func create(
        name: String, description: String?, latestVersion: Int, accessControl: AccessControlParameters
    ) async throws -> String {
        if let existing = try await group(named: name) {
            throw OpenSearchError.illegalArgument(
                "The name you provided is already being used by a model group with ID: \(existing.id).")
        }
        try accessControl.checkModelAccessControlDisabled()
        let id = emulator.ids.next()
        _ = try await emulator.documents.put(SystemIndex.modelGroup, id: id, source: Self.document(name: name, description: description, latestVersion: latestVersion, now: emulator.nowMillis()))
        return id
    }

    static func document(name: String, description: String?, latestVersion: Int, now: Int64) -> JSONObject {
        var source: JSONObject = ["name": .string(name), "latest_version": latestVersion.json]
        if let description { source["description"] = .string(description) }
        source["access"] = "public"
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
