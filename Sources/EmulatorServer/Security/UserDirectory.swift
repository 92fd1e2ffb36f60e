import Crypto
import Foundation
import MLCommonsCore

/// The users the security mode knows and the security roles they map to, as the demo configuration maps
/// them (`roles_mapping.yml`: every user `own_index`; backend role `admin` → `all_access`, `kibanauser` →
/// `kibana_user`, `readall` → `readall`, `snapshotrestore` → `manage_snapshots`, `logstash` → `logstash`).
public struct UserDirectory: Sendable {
    private let users: [String: InternalUser]

    static let backendRoleMapping: [(backendRole: String, role: String)] = [
        ("admin", "all_access"), ("logstash", "logstash"), ("kibanauser", "kibana_user"), ("readall", "readall"),
        ("snapshotrestore", "manage_snapshots"),
    ]

    public init(_ users: [InternalUser]) {
        self.users = Dictionary(users.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The user the credentials name, when the password matches.
    public func authenticate(_ credentials: BasicCredentials) -> SecurityUser? {
        guard let user = users[credentials.user],
            Self.constantTimeEquals(Array(user.password.utf8), Array(credentials.password.utf8))
        else { return nil }
        return SecurityUser(
            name: user.name, backendRoles: user.backendRoles, roles: Self.mappedRoles(user),
            attributeNames: user.attributeNames)
    }

    /// User-pattern matches first, then backend-role matches, then the user's own roles, in the order of the
    /// plugin's `HashSet` of role names.
    static func mappedRoles(_ user: InternalUser) -> [String] {
        var roles = ["own_index"]
        for (backendRole, role) in backendRoleMapping where user.backendRoles.contains(backendRole) && !roles.contains(role) {
            roles.append(role)
        }
        for role in user.securityRoles where !roles.contains(role) { roles.append(role) }
        return JavaHashMapOrder.ordered(roles)
    }

    private static func constantTimeEquals(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        // Compare digests so the time does not depend on where the passwords differ or on their lengths.
        let a = SHA256.hash(data: left), b = SHA256.hash(data: right)
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
