/// The filter ml-commons adds to a non-admin's `_search` of model groups and connectors
/// (`addUserBackendRolesFilter`): `access: public`, or a shared backend role, or `access: private` and owned.
public enum AccessControlSearchFilter {
    public static func isVisible(_ resource: JSONObject, to user: SecurityUser) -> Bool {
        let access = resource["access"]?.stringValue
        let roles = resource["backend_roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let owner = resource["owner"]?.objectValue?["name"]?.stringValue
        return access == "public" || !Set(roles).isDisjoint(with: user.backendRoles) || (access == "private" && owner == user.name)
    }
}
