/// An authenticated user as the security plugin sees it: its backend roles (from the user store) and the
/// security roles they map to.
public struct SecurityUser: Sendable, Hashable {
    public let name: String
    /// Backend roles, in the order the user store lists them.
    public let backendRoles: [String]
    /// Security roles, in the order the security plugin's role mapping yields them.
    public let roles: [String]
    /// Custom attribute names (`attr.internal.<key>` for internal users).
    public let attributeNames: [String]

    public init(name: String, backendRoles: [String], roles: [String], attributeNames: [String] = []) {
        self.name = name
        self.backendRoles = backendRoles
        self.roles = roles
        self.attributeNames = attributeNames
    }

    /// `User.toString()`: `User [name=admin, backend_roles=[admin], requestedTenant=null]` (backend roles only).
    public var description: String {
        "User [name=\(name), backend_roles=[\(backendRoles.joined(separator: ", "))], requestedTenant=null]"
    }

    /// `all_access` grants every cluster and index permission.
    public var isAdmin: Bool { roles.contains("all_access") }
}
