/// Reads a users file in the shape of the security plugin's `internal_users.yml`:
///
/// ```yaml
/// alice:
///   password: "Alice-Secret-42"
///   backend_roles: ["analyst"]
///   opendistro_security_roles: ["ml_full_access"]
/// ```
///
/// Passwords are given in clear (`password:`); the plugin's bcrypt `hash:` is refused with a message saying so.
enum InternalUsersFile {
    static let fields: Set<String> = [
        "password", "hash", "backend_roles", "opendistro_security_roles", "attributes", "description", "reserved",
        "hidden", "static",
    ]

    static func parse(_ text: String) throws(EmulatorStartupError) -> [InternalUser] {
        var order: [String] = []
        var entries: [String: [String: String]] = [:]
        for (key, value) in try NodeSettingsFile.parse(text) {
            guard let dot = key.firstIndex(of: ".") else {
                throw EmulatorStartupError("users file: `\(key)` needs fields (password, backend_roles, …)")
            }
            let user = String(key[..<dot])
            if user == "_meta" { continue }
            let field = String(key[key.index(after: dot)...])
            let base = field.split(separator: ".").first.map(String.init) ?? field
            guard fields.contains(base) else {
                throw EmulatorStartupError("users file: unknown field `\(field)` for user `\(user)`; known: \(fields.sorted().joined(separator: ", "))")
            }
            if entries[user] == nil { order.append(user) }
            entries[user, default: [:]][field] = value
        }
        var users: [InternalUser] = []
        for name in order {
            let entry = entries[name] ?? [:]
            if entry["hash"] != nil {
                throw EmulatorStartupError("users file: user `\(name)` has a bcrypt `hash`; give its password in clear as `password:`")
            }
            guard let password = entry["password"], !password.isEmpty else {
                throw EmulatorStartupError("users file: user `\(name)` has no `password`")
            }
            if name == "admin" {
                throw EmulatorStartupError("users file: `admin` is defined by OPENSEARCH_INITIAL_ADMIN_PASSWORD, not by the users file")
            }
            let list = { (field: String) in (entry[field] ?? "").split(separator: ",").map(String.init).filter { !$0.isEmpty } }
            let attributes = entry.keys.filter { $0.hasPrefix("attributes.") }.sorted()
                .map { "attr.internal." + $0.dropFirst("attributes.".count) }
            users.append(InternalUser(
                name: name, password: password, backendRoles: list("backend_roles"),
                securityRoles: list("opendistro_security_roles"), attributeNames: attributes))
        }
        return users
    }
}
