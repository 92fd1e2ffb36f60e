import MLCommonsCore

/// The security plugin's authentication in front of every route (`BackendRegistry.authenticate`): HTTP basic
/// auth against the ``UserDirectory``, one challenge for a missing, wrong or malformed credential.
struct SecurityGate: Sendable {
    enum Outcome {
        /// The path needs no authentication (`OPTIONS`, the security health and whoami endpoints).
        case open
        case authenticated(SecurityUser)
        /// The 401 challenge, or a refusal of an authenticated user.
        case refused(RESTResponse)
    }

    let users: UserDirectory
    let actions: ActionCatalogue

    func authenticate(method: String, path: String, authorization: String?) -> Outcome {
        if method == "OPTIONS" || Self.skipsAuthentication(path) { return .open }
        guard let authorization, let credentials = BasicCredentials(header: authorization),
            let user = users.authenticate(credentials)
        else { return .refused(Self.challenge) }
        // The control plane changes the whole node: only a user with all_access may use it.
        if path.hasPrefix(APIPath.controlPlane), !user.isAdmin {
            return .refused(.error(.forbidden("no permissions for [\(APIPath.controlPlane)] and \(user.description)")))
        }
        if let refusal = authorize(user, method: method, path: path) { return .refused(refusal) }
        return .authenticated(user)
    }

    /// The security plugin's privilege check (`SecurityFilter`): a missing cluster or index permission is a 403
    /// naming the action and the user. Index permissions: `*` for the roles that grant them, `own_index` for the
    /// index named like the user.
    func authorize(_ user: SecurityUser, method: String, path: String) -> RESTResponse? {
        guard !user.isAdmin, let (action, index) = actions.action(method: method, path: path) else { return nil }
        let allowed: Bool
        if let index {
            allowed = (index == user.name && user.roles.contains("own_index"))
                || SecurityRolePermissions.allowsOnEveryIndex(user.roles, action)
        } else {
            allowed = SecurityRolePermissions.allows(user.roles, action)
        }
        guard !allowed else { return nil }
        return .error(.forbidden("no permissions for [\(action)] and \(user.description)"))
    }

    /// `HTTPBasicAuthenticator.reRequestAuthentication`: 401, the realm, the 12 bytes `Unauthorized` as text.
    static let challenge = RESTResponse(
        status: 401, headers: [("WWW-Authenticate", "Basic realm=\"OpenSearch Security\"")],
        body: .text("Unauthorized", contentType: "text/plain; charset=UTF-8"))

    /// `SecurityRestUtils.shouldSkipAuthentication`, plus the emulator's own health check (container probes).
    static func skipsAuthentication(_ path: String) -> Bool {
        if path == "\(APIPath.controlPlane)/health" { return true }
        for prefix in ["/_plugins/_security/", "/_opendistro/_security/"] where path.hasPrefix(prefix) {
            let suffix = path.dropFirst(prefix.count)
            if suffix == "health" || suffix == "whoami" { return true }
        }
        return false
    }
}
