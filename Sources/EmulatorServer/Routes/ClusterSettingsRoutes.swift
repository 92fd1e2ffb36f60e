import MLCommonsCore

/// `GET|PUT /_cluster/settings`.
enum ClusterSettingsRoutes {
    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        let common: Set<String> = ["flat_settings", "master_timeout", "cluster_manager_timeout", "timeout"]
        routes.add("GET", "/_cluster/settings", query: common.union(["include_defaults", "local"])) { request in
            let settings = emulator.settings.current
            let flat = request.flag("flat_settings")
            var body: JSONObject = [
                "persistent": ClusterSettings.render(settings.persistent, flat: flat),
                "transient": ClusterSettings.render(settings.transient, flat: flat),
            ]
            if request.flag("include_defaults") {
                let overridden = Set(settings.persistent.keys).union(settings.transient.keys)
                body["defaults"] = ClusterSettings.render(
                    settings.catalogue.defaults.filter { !overridden.contains($0.key) }, flat: flat)
            }
            return .json(.object(body))
        }
        routes.add("PUT", "/_cluster/settings", query: common) { request in
            let body = try RequestObject(try request.requiredJSONBody())
            var update: [ClusterSettings.Scope: [(key: String, value: JSONValue)]] = [:]
            for scope in ClusterSettings.Scope.allCases {
                guard let value = body.object[scope.rawValue] else { continue }
                guard case .object = value else {
                    throw OpenSearchError(
                        "ParsingException",
                        reason: "Failed to parse object: expecting token of type [START_OBJECT] but found [\(value.xContentToken)]",
                        status: 400)
                }
                update[scope] = ClusterSettings.flatten(value)
            }
            if (update[.persistent] ?? []).isEmpty && (update[.transient] ?? []).isEmpty {
                throw OpenSearchError(
                    "ActionRequestValidationException", reason: "Validation Failed: 1: no settings to update;",
                    status: 400)
            }
            let applied = try await emulator.settings.apply(update)
            let flat = request.flag("flat_settings")
            return .json([
                "acknowledged": true,
                "persistent": ClusterSettings.render(applied[.persistent] ?? [:], flat: flat),
                "transient": ClusterSettings.render(applied[.transient] ?? [:], flat: flat),
            ])
        }
    }
}
