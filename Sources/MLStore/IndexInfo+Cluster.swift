import MLCommonsCore

/// How the emulator's single node sees an index: its settings as OpenSearch reports them, shard
/// counts, health and sizes for `_cat/indices` and the ListIndexTool.
extension IndexInfo {
    /// `index.version.created` of an index created by OpenSearch 3.3.0 (`Version.V_3_3_0` with its mask).
    public static let versionCreated = "137247827"
    /// What an empty shard's Lucene files take on disk, the size a new index reports.
    public static let emptyShardBytes: Int64 = 208

    /// ml-commons creates its `.plugins-ml-*` indices with one shard and `auto_expand_replicas`.
    public var isMLSystemIndex: Bool { name.hasPrefix(".plugins-ml-") }

    /// Every `index.*` setting as `GET /<index>/_settings` would list it, sorted by key as `Settings` is.
    public var flatSettings: [(key: String, value: JSONValue)] {
        let all = resolvedSettings
        return all.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }.map { ($0, all[$0]!) }
    }

    /// The settings in force by key: the defaults every index has, the stored ones over them.
    private var resolvedSettings: [String: JSONValue] {
        var all: [String: JSONValue] = [
            "index.creation_date": .string(String(createdAt)),
            "index.number_of_shards": "1",
            "index.number_of_replicas": isMLSystemIndex ? "0" : "1",
            "index.provided_name": .string(name),
            "index.replication.type": "DOCUMENT",
            "index.uuid": .string(uuid),
            "index.version.created": .string(Self.versionCreated),
        ]
        // `IndexUtils.DEFAULT_INDEX_SETTINGS`; the config index is replicated to every node.
        if isMLSystemIndex { all["index.auto_expand_replicas"] = name == ".plugins-ml-config" ? "0-all" : "0-1" }
        for (key, value) in settings { all[key] = value }
        if let expand = all["index.auto_expand_replicas"]?.stringValue,
            let lower = expand.split(separator: "-").first.flatMap({ Int32($0) }), lower >= 0
        {
            // One node: auto-expansion settles on the lower bound.
            all["index.number_of_replicas"] = .string(String(lower))
        }
        return all
    }

    /// `index.number_of_shards`.
    public var numberOfShards: Int { Int(setting("index.number_of_shards") ?? "") ?? 1 }

    /// `index.number_of_replicas`; none can be assigned on a single node.
    public var numberOfReplicas: Int { Int(setting("index.number_of_replicas") ?? "") ?? 0 }

    /// `index.max_result_window`: the largest `from + size` a search may ask for.
    public var maxResultWindow: Int { intSetting("index.max_result_window") ?? 10_000 }

    /// `index.mapping.total_fields.limit`.
    public var totalFieldsLimit: Int { intSetting("index.mapping.total_fields.limit") ?? 1000 }

    /// `index.mapping.depth.limit`.
    public var mappingDepthLimit: Int { intSetting("index.mapping.depth.limit") ?? 20 }

    private func intSetting(_ key: String) -> Int? { setting(key).flatMap { Int($0) } }

    /// `green` when every copy is assigned, `yellow` when replicas wait for another node.
    public var health: String { numberOfReplicas == 0 ? "green" : "yellow" }

    /// Primary store size: an empty shard per primary plus the stored `_source` bytes.
    public var primaryStoreBytes: Int64 { Self.emptyShardBytes * Int64(numberOfShards) + Int64(storeBytes) }

    /// Total store size: the primaries alone, since replicas stay unassigned on one node.
    public var totalStoreBytes: Int64 { primaryStoreBytes }

    /// The default `_cat/indices` cells: health, status, index, uuid, pri, rep, docs.count, docs.deleted,
    /// store.size, pri.store.size.
    public var catCells: [String] {
        [
            health, "open", name, uuid, String(numberOfShards), String(numberOfReplicas), String(documentCount),
            String(deletedCount), ByteSizeValue(bytes: totalStoreBytes).description,
            ByteSizeValue(bytes: primaryStoreBytes).description,
        ]
    }

    private func setting(_ key: String) -> String? {
        resolvedSettings[key]?.stringValue
    }
}
