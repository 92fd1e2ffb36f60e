/// A user of the emulator's security mode, as its users file (the shape of the security plugin's
/// `internal_users.yml`) defines it.
public struct InternalUser: Sendable, Hashable {
    public let name: String
    public let password: String
    public let backendRoles: [String]
    /// `opendistro_security_roles`: security roles given to the user directly.
    public let securityRoles: [String]
    /// `attributes`, as `attr.internal.<key>` names.
    public let attributeNames: [String]

    public init(name: String, password: String, backendRoles: [String] = [], securityRoles: [String] = [], attributeNames: [String] = []) {
        self.name = name
        self.password = password
        self.backendRoles = backendRoles
        self.securityRoles = securityRoles
        self.attributeNames = attributeNames
    }

    /// The demo configuration's `admin`: backend role `admin`, which `roles_mapping.yml` maps to `all_access`.
    public static func admin(password: String) -> InternalUser {
        InternalUser(name: "admin", password: password, backendRoles: ["admin"])
    }
}
