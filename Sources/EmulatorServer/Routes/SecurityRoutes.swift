import MLCommonsCore

/// The security plugin's own endpoints that clients read: `authinfo` and `health` (registered only in the
/// security mode, as a cluster without the plugin has neither).
enum SecurityRoutes {
    static func register(_ routes: inout RouteTable) {
        for base in ["/_plugins/_security", "/_opendistro/_security"] {
            for method in ["GET", "POST"] {
                routes.add(method, "\(base)/authinfo", query: ["auth_type", "verbose"]) { request in
                    .json(authinfo(request))
                }
                routes.add(method, "\(base)/health", query: ["mode"]) { request in
                    .json(health(mode: request.query["mode"] ?? "strict"))
                }
            }
        }
    }

    /// `SecurityInfoAction`: the fields in the plugin's order; tenants as the demo configuration grants them.
    static func authinfo(_ request: RESTRequest) -> JSONValue {
        guard let user = request.user else { return .null }
        // all_access writes every tenant; other users have their private tenant only.
        let tenantNames = user.isAdmin ? ["global_tenant", "admin_tenant", user.name] : [user.name]
        let tenants = JavaHashMapOrder.ordered(JSONObject(tenantNames.map { ($0, JSONValue.bool(true)) }))
        return [
            "user": .string(user.description), "user_name": .string(user.name), "user_requested_tenant": .null,
            "remote_address": request.remoteAddress.map(JSONValue.string) ?? .null,
            "backend_roles": .array(user.backendRoles.map(JSONValue.string)),
            "custom_attribute_names": .array(user.attributeNames.map(JSONValue.string)),
            "roles": .array(user.roles.map(JSONValue.string)), "tenants": .object(tenants), "principal": .null,
            "peer_certificates": "0", "sso_logout_url": .null,
        ]
    }

    /// `SecurityHealthAction`: always up once the emulator answers; `mode` is echoed.
    static func health(mode: String) -> JSONValue {
        ["message": .null, "mode": .string(mode), "status": "UP", "settings": ["plugins.security.cache.ttl_minutes": 60]]
    }
}
