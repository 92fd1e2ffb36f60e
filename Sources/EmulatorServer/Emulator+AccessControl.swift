import MLCommonsCore
import MLStore

/// ml-commons' access control with users: on only with the security plugin (a request user) and the
/// matching `*_access_control_enabled` setting, as `isSecurityEnabledAndModelAccessControlEnabled` decides.
extension Emulator {
    /// The user whose model-group access is checked, or nil when model access control does not apply.
    func modelAccessUser(_ request: RESTRequest) async -> SecurityUser? {
        await accessUser(request, MLCommonsSettings.modelAccessControlEnabled)
    }

    /// The user whose connector access is checked, or nil when connector access control does not apply.
    func connectorAccessUser(_ request: RESTRequest) async -> SecurityUser? {
        await accessUser(request, MLCommonsSettings.connectorAccessControlEnabled)
    }

    private func accessUser(_ request: RESTRequest, _ setting: String) async -> SecurityUser? {
        guard let user = request.user, settings.isEnabled(setting) else { return nil }
        return user
    }

    /// `validateModelGroupAccess` for a model: no group or no access control passes, else its group's check.
    func checkModelAccess(_ model: JSONObject, _ request: RESTRequest, else refusal: OpenSearchError) async throws {
        guard let groupID = model["model_group_id"]?.stringValue else { return }
        try await checkModelGroupAccess(groupID, request, else: refusal)
    }

    /// `validateModelGroupAccess` for a group: admins and no access control pass without a lookup; a missing
    /// group is `Fail to find model group` (500); otherwise `refusal` unless the group is accessible.
    func checkModelGroupAccess(_ groupID: String, _ request: RESTRequest, else refusal: OpenSearchError) async throws {
        guard let user = await modelAccessUser(request), !user.isAdmin else { return }
        guard let group = try await documents.document(SystemIndex.modelGroup, id: groupID) else {
            throw OpenSearchError("MLResourceNotFoundException", reason: "Fail to find model group", status: 500)
        }
        guard try ModelGroupAccessControl.isAccessible(group.source, to: user) else { throw refusal }
    }

    /// `ConnectorAccessControlHelper.hasPermission`: `refusal` unless the request's user may use the connector.
    func checkConnectorAccess(_ connector: JSONObject, _ request: RESTRequest, else refusal: OpenSearchError) async throws {
        guard let user = await connectorAccessUser(request), !ConnectorAccessControl.isAccessible(connector, to: user) else { return }
        throw refusal
    }

    /// The model groups a user's `_search` would return, for filtering model searches.
    func visibleModelGroupIDs(_ user: SecurityUser) async throws -> Set<String> {
        guard try await documents.indexExists(SystemIndex.modelGroup) else { return [] }
        return Set(try await documents.documents(SystemIndex.modelGroup)
            .filter { AccessControlSearchFilter.isVisible($0.source, to: user) }.map(\.id))
    }
}
