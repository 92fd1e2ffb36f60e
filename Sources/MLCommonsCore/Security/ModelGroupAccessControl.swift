/// ml-commons' model access control with the security plugin on and `model_access_control_enabled`
/// (`ModelAccessControlHelper`, `MLModelGroupManager`, `TransportUpdateModelGroupAction`), with its messages.
public enum ModelGroupAccessControl {
    /// `validateRequestForAccessControl` on register: the access and backend roles a new group gets.
    public static func registration(
        _ parameters: AccessControlParameters, user: SecurityUser
    ) throws(OpenSearchError) -> (access: String, backendRoles: [String]) {
        let roles = parameters.backendRoles ?? []
        let addAll = parameters.addAllBackendRoles == true
        var mode = parameters.accessMode
        if mode == nil {
            if !roles.isEmpty, addAll {
                throw .illegalArgument("You cannot specify backend roles and add all backend roles at the same time.")
            }
            mode = addAll || !roles.isEmpty ? "restricted" : "private"
        }
        if mode != "restricted", !roles.isEmpty || addAll {
            throw .illegalArgument("You can specify backend roles only for a model group with the restricted access mode.")
        }
        if mode == "restricted" {
            if user.isAdmin, addAll { throw .illegalArgument("Admin users cannot add all backend roles to a model group.") }
            if !user.isAdmin, user.backendRoles.isEmpty {
                throw .illegalArgument("You must have at least one backend role to register a restricted model group.")
            }
            if roles.isEmpty, !addAll {
                throw .illegalArgument(
                    "You must specify one or more backend roles or add all backend roles to register a restricted model group.")
            }
            if !roles.isEmpty, addAll {
                throw .illegalArgument("You cannot specify backend roles and add all backend roles at the same time.")
            }
            if !user.isAdmin, !addAll, !Set(roles).isSubset(of: user.backendRoles) {
                throw .illegalArgument("You don't have the backend roles specified.")
            }
        }
        return (mode ?? "private", addAll ? user.backendRoles : roles)
    }

    /// `checkModelGroupPermission`: admins always; a group written without owner (access control was off) by
    /// anyone; otherwise public, private to its owner, restricted to shared backend roles (owners included).
    public static func isAccessible(_ group: JSONObject, to user: SecurityUser) throws(OpenSearchError) -> Bool {
        if user.isAdmin { return true }
        guard let owner = group["owner"]?.objectValue else { return true }
        switch group["access"]?.stringValue {
        case "restricted":
            let roles = group["backend_roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
            guard !roles.isEmpty else { throw .illegalState("Backend roles shouldn't be null") }
            return !Set(roles).isDisjoint(with: user.backendRoles)
        case "private":
            return owner["name"]?.stringValue == user.name
        default:
            return true
        }
    }

    /// `TransportUpdateModelGroupAction.validateRequestForAccessControl`: the first rule that fails.
    public static func checkUpdate(
        _ parameters: AccessControlParameters, group: JSONObject, user: SecurityUser
    ) throws(OpenSearchError) {
        let roles = parameters.backendRoles ?? []
        let addAll = parameters.addAllBackendRoles
        let changesAccess = parameters.accessMode != nil || addAll != nil || parameters.backendRoles != nil
        let isOwner = group["owner"]?.objectValue?["name"]?.stringValue == user.name
        let groupRoles = group["backend_roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let sharesRole = !Set(groupRoles).isDisjoint(with: user.backendRoles)
        if changesAccess, !isOwner, !user.isAdmin {
            throw .illegalArgument("Only owner or admin can update access control data.")
        }
        if !user.isAdmin, !isOwner {
            let access = group["access"]?.stringValue
            let allowed = access == "public" || (access == "restricted" && sharesRole)
            if !allowed { throw .illegalArgument("You don't have permission to update this model group.") }
        }
        if isOwner, !user.isAdmin, group["access"]?.stringValue == "restricted", !sharesRole {
            throw .illegalArgument(
                "You don't have the specified backend role to update this model group. For more information, contact your administrator.")
        }
        let mode = parameters.accessMode
        if mode == "public" || mode == "private", !roles.isEmpty || addAll == true {
            throw .illegalArgument("You can specify backend roles only for a model group with the restricted access mode.")
        }
        if mode == nil || mode == "restricted" {
            if user.isAdmin, addAll == true { throw .illegalArgument("Admin users cannot add all backend roles to a model group.") }
            if addAll == true, user.backendRoles.isEmpty { throw .illegalArgument("You don't have any backend roles.") }
            if roles.isEmpty, addAll == false {
                throw .illegalArgument("You have to specify backend roles when add all backend roles is set to false.")
            }
            if !roles.isEmpty, addAll == true {
                throw .illegalArgument("You cannot specify backend roles and add all backend roles at the same time.")
            }
            if mode == "restricted", roles.isEmpty, addAll != true {
                throw .illegalArgument(
                    "You must specify one or more backend roles or add all backend roles to register a restricted model group.")
            }
            if !user.isAdmin, !roles.isEmpty, !Set(roles).isSubset(of: user.backendRoles) {
                throw .illegalArgument("You don't have the backend roles specified.")
            }
        }
    }

    /// `updateModelGroup`: the access fields the update writes.
    public static func applyUpdate(_ parameters: AccessControlParameters, user: SecurityUser, to source: inout JSONObject) {
        if let mode = parameters.accessMode {
            source["access"] = .string(mode)
            if mode != "restricted" { source["backend_roles"] = [] }
        } else if parameters.backendRoles != nil || parameters.addAllBackendRoles == true {
            source["access"] = "restricted"
        }
        if let roles = parameters.backendRoles { source["backend_roles"] = .array(roles.map(JSONValue.string)) }
        if parameters.addAllBackendRoles == true { source["backend_roles"] = .array(user.backendRoles.map(JSONValue.string)) }
    }
}

extension SecurityUser {
    /// `User.toXContent` (common-utils 3.3): what ml-commons stores as a resource's `owner`.
    public var ownerJSON: JSONValue {
        [
            "name": .string(name), "backend_roles": .array(backendRoles.map(JSONValue.string)),
            "roles": .array(roles.map(JSONValue.string)), "user_requested_tenant": "null",
            // The tenant access the plugin resolves for the global tenant: all_access writes it.
            "user_requested_tenant_access": .string(isAdmin ? "WRITE" : "NONE"),
            "custom_attribute_names": .array(attributeNames.map(JSONValue.string)),
        ]
    }
}
