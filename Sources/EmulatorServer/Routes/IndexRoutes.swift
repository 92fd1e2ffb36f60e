import MLCommonsCore
import MLStore

/// The core index APIs the tools read and tests set up with: create, delete, get, mapping, documents,
/// search and `_cat/indices`, over the same store as the ml system indices.
enum IndexRoutes {
    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        let timeouts: Set<String> = ["timeout", "master_timeout", "cluster_manager_timeout"]

        routes.add("PUT", "/{index}", query: timeouts.union(["wait_for_active_shards"])) { request in
            let name = request.parameter("index")
            let body = try CreateIndexBody(try request.jsonBody())
            try IndexNameRules.validate(name)
            let settings = try IndexSettingsInput.normalize(body.settings)
            let mappings = IndexMappings.canonical(body.mappings)
            func limit(_ key: String, _ fallback: Int) -> Int { settings[key]?.stringValue.flatMap { Int($0) } ?? fallback }
            try IndexMappings.checkLimits(
                mappings, totalFields: limit("index.mapping.total_fields.limit", 1000),
                depth: limit("index.mapping.depth.limit", 20))
            try await emulator.documents.transaction { transaction in
                if let existing = try transaction.index(name) { throw OpenSearchError.indexAlreadyExists(name, uuid: existing.uuid) }
                try transaction.createIndex(name, mappings: mappings, settings: settings)
            }
            return .json(["acknowledged": true, "shards_acknowledged": true, "index": .string(name)])
        }

        routes.add(
            "DELETE", "/{index}",
            query: timeouts.union(["ignore_unavailable", "allow_no_indices", "expand_wildcards"])
        ) { request in
            let name = request.parameter("index")
            guard try await emulator.documents.deleteIndex(name) else { throw OpenSearchError.indexNotFound(name) }
            return .json(["acknowledged": true])
        }

        routes.add(
            "GET", "/{index}",
            query: ["flat_settings", "include_defaults", "local", "ignore_unavailable", "allow_no_indices",
                    "expand_wildcards", "master_timeout", "cluster_manager_timeout"]
        ) { request in
            let index = try await existing(request.parameter("index"), emulator)
            let settings: JSONValue = request.flag("flat_settings")
                ? .object(JSONObject(index.flatSettings.map { ($0.key, $0.value) }))
                : .object(StructuredSettings.render(index.flatSettings))
            return .json([
                index.name: ["aliases": [:], "mappings": .object(index.mappings), "settings": settings],
            ])
        }

        routes.add(
            "GET", "/{index}/_mapping",
            query: ["local", "ignore_unavailable", "allow_no_indices", "expand_wildcards", "master_timeout",
                    "cluster_manager_timeout"]
        ) { request in
            let index = try await existing(request.parameter("index"), emulator)
            return .json([index.name: ["mappings": .object(index.mappings)]])
        }

    }

    /// The index, or `index_not_found_exception` as the wildcard-expanding APIs word it.
    static func existing(_ name: String, _ emulator: Emulator) async throws -> IndexInfo {
        guard let index = try await emulator.documents.index(name) else { throw OpenSearchError.indexNotFound(name) }
        return index
    }
}
