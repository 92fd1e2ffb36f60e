import MLCommonsCore

/// `GET /`, `HEAD /` and `GET /_cluster/health`: what clients and test runners read first.
enum InfoRoutes {
    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        // `RestMainAction` pretty-prints unless the request has a `pretty` parameter.
        routes.add("GET", "/") { _ in RESTResponse(body: .json(info(emulator.node, emulator.profile)), prettyByDefault: true) }
        routes.add("HEAD", "/") { _ in RESTResponse(body: .json(info(emulator.node, emulator.profile)), prettyByDefault: true) }
        routes.add("GET", "/_cluster/health", query: ["level", "local", "timeout", "wait_for_status", "master_timeout", "cluster_manager_timeout", "wait_for_nodes", "wait_for_active_shards", "wait_for_no_relocating_shards", "wait_for_no_initializing_shards", "wait_for_events", "expand_wildcards", "awareness_attribute"]) { _ in
            let indexCount = try await emulator.documents.indices().count
            return .json(health(emulator.node, shards: indexCount))
        }
    }

    /// The info document of a node of the profile's release.
    static func info(_ node: NodeIdentity, _ profile: VersionProfile) -> JSONValue {
        [
            "name": .string(node.nodeName),
            "cluster_name": .string(node.clusterName),
            "cluster_uuid": .string(node.clusterUUID),
            "version": [
                "distribution": "opensearch",
                "number": .string(profile.number),
                "build_type": "tar",
                "build_hash": "ml-commons-emulator",
                "build_date": .string(profile.buildDate),
                "build_snapshot": false,
                "lucene_version": .string(profile.luceneVersion),
                "minimum_wire_compatibility_version": .string(profile.minimumWireCompatibilityVersion),
                "minimum_index_compatibility_version": .string(profile.minimumIndexCompatibilityVersion),
            ],
            "tagline": "The OpenSearch Project: https://opensearch.org/",
        ]
    }

    static func health(_ node: NodeIdentity, shards: Int) -> JSONValue {
        [
            "cluster_name": .string(node.clusterName),
            "status": "green",
            "timed_out": false,
            "number_of_nodes": 1,
            "number_of_data_nodes": 1,
            "discovered_master": true,
            "discovered_cluster_manager": true,
            "active_primary_shards": .number(JSONNumber(shards)),
            "active_shards": .number(JSONNumber(shards)),
            "relocating_shards": 0,
            "initializing_shards": 0,
            "unassigned_shards": 0,
            "delayed_unassigned_shards": 0,
            "number_of_pending_tasks": 0,
            "number_of_in_flight_fetch": 0,
            "task_max_waiting_in_queue_millis": 0,
            "active_shards_percent_as_number": 100.0,
        ]
    }
}
