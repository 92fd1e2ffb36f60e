/// ml-commons' connector access control with the security plugin on and `connector_access_control_enabled`
/// (`ConnectorAccessControlHelper`, `TransportCreateConnectorAction.validateRequest4AccessControl`).
public enum ConnectorAccessControl {
    /// The access and backend roles a new connector gets, or the first rule it breaks.
    public static func creation(
        _ parameters: AccessControlParameters, user: SecurityUser
    ) throws(OpenSearchError) -> (access: String, backendRoles: [String]) {
        let roles = parameters.backendRoles ?? []
        let addAll = parameters.addAllBackendRoles == true
        if user.isAdmin, addAll { throw .illegalArgument("Admin can't add all backend roles") }
        let mode = parameters.accessMode ?? (!roles.isEmpty || addAll ? "restricted" : "private")
        if mode != "restricted", !roles.isEmpty || addAll {
            throw .illegalArgument("You can specify backend roles only for a connector with the restricted access mode.")
        }
        if mode == "restricted" {
            if addAll {
                if !roles.isEmpty {
                    throw .illegalArgument("You can't specify backend roles and add all backend roles to true at same time.")
                }
                if user.backendRoles.isEmpty {
                    throw .illegalArgument("You must have at least one backend role to create a connector.")
                }
            } else {
                if roles.isEmpty {
                    throw .illegalArgument(
                        "You must specify at least one backend role or make the connector public/private for registering it.")
                }
                if !user.isAdmin, !Set(roles).isSubset(of: user.backendRoles) {
                    throw .illegalArgument("You don't have the backend roles specified.")
                }
            }
        }
        return (mode, addAll ? user.backendRoles : roles)
    }

    /// `hasPermission`: admins; connectors written without an owner; public; private to the owner; restricted
    /// to shared backend roles.
    public static func isAccessible(_ connector: JSONObject, to user: SecurityUser) -> Bool {
        if user.isAdmin || connector["owner"]?.objectValue == nil { return true }
        switch connector["access"]?.stringValue {
        case "public": return true
        case "private": return connector["owner"]?.objectValue?["name"]?.stringValue == user.name
        case "restricted":
            let roles = connector["backend_roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
            return !Set(roles).isDisjoint(with: user.backendRoles)
        default: return false
        }
    }
}
