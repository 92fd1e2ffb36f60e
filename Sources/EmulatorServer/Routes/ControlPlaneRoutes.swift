import MLCommonsCore

/// The emulator's own API under `/__emulator`: index names cannot start with `_`, and OpenSearch
/// has no double-underscore API, so these paths never collide with OpenSearch's.
enum ControlPlaneRoutes {
    static let base = APIPath.controlPlane

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        routes.add("GET", "\(base)/health") { _ in
            let migrations = try await emulator.database.appliedMigrations()
            return .json(["status": "ready", "schema_migrations": .array(migrations.map(JSONValue.string))])
        }
        routes.add("POST", "\(base)/reset", query: ["persistent"]) { request in
            try await emulator.reset(includingPersistentSettings: request.flag("persistent"))
            return .json(["acknowledged": true])
        }
        routes.add("GET", "\(base)/tasks/timing") { _ in
            .json(["timing": emulator.localTasks.timing.json, "held": .array(emulator.localTasks.held.map(JSONValue.string))])
        }
        routes.add("PUT", "\(base)/tasks/timing") { request in
            emulator.localTasks.timing = try TaskTiming(parsing: try request.requiredJSONBody())
            return .json(["acknowledged": true, "timing": emulator.localTasks.timing.json])
        }
        routes.add("POST", "\(base)/tasks/_release") { _ in
            .json(["released": .array(emulator.localTasks.releaseAll().map(JSONValue.string))])
        }
        routes.add("POST", "\(base)/tasks/{task_id}/_release") { request in
            let id = request.parameter("task_id")
            guard emulator.localTasks.release(id) else {
                throw OpenSearchError.resourceNotFound("no task [\(id)] is waiting for a release")
            }
            return .json(["released": [.string(id)]])
        }
        routes.add("GET", "\(base)/config") { _ in
            let configuration = emulator.configuration
            return .json([
                "host": .string(configuration.host),
                "port": configuration.port.json,
                "data": .string(configuration.data.description),
                "log_level": .string(configuration.logLevel.rawValue),
                "master_key_source": configuration.masterKey == nil ? "store" : "environment",
                "max_content_length": configuration.maxContentLength.json,
                "cluster_name": .string(emulator.node.clusterName),
                "node_name": .string(emulator.node.nodeName),
                "node_id": .string(emulator.node.nodeID),
                "opensearch_version": .string(configuration.opensearchVersion.number),
            ])
        }
    }
}

extension ControlPlaneRoutes {
    /// `GET /__emulator`: the control plane's endpoints, read from the routes themselves, so the list is
    /// never out of date; `GET /__emulator/` (with the slash) is the playground.
    static func registerIndex(_ routes: inout RouteTable, playground: PlaygroundAssets) {
        PlaygroundRoutes.register(&routes, playground)
        let endpoints: [JSONValue] = routes.routes
            .filter { $0.pattern.text.hasPrefix(base + "/") }
            .map { ["method": .string($0.method), "path": .string($0.pattern.text)] }
        let index: JSONValue = [
            "name": "ml-commons-emulator control plane", "documentation": "README.md, section \"Control plane\"",
            "playground": .string(PlaygroundRoutes.page), "endpoints": .array(endpoints),
        ]
        routes.add("GET", base) { request in
            request.rawURI.hasPrefix(PlaygroundRoutes.page) ? try PlaygroundRoutes.servePage(playground) : .json(index)
        }
    }
}
