/// The cluster permissions of the security plugin's predefined roles that matter for ml-commons
/// (`static_roles.yml` and `roles.yml` of the 3.3 demo configuration), with its `*` wildcards.
public enum SecurityRolePermissions {
    /// Cluster permission patterns by role name.
    public static let cluster: [String: [String]] = [
        "all_access": ["*"],
        "ml_full_access": ["cluster:admin/opensearch/ml/*", "cluster:monitor/*"],
        "ml_read_access": [
            "cluster:admin/opensearch/ml/config/get", "cluster:admin/opensearch/ml/connectors/get",
            "cluster:admin/opensearch/ml/connectors/search", "cluster:admin/opensearch/ml/controllers/get",
            "cluster:admin/opensearch/ml/memory/conversation/get",
            "cluster:admin/opensearch/ml/memory/conversation/interaction/search",
            "cluster:admin/opensearch/ml/memory/conversation/list", "cluster:admin/opensearch/ml/memory/conversation/search",
            "cluster:admin/opensearch/ml/memory/interaction/get", "cluster:admin/opensearch/ml/memory/interaction/list",
            "cluster:admin/opensearch/ml/memory/trace/get", "cluster:admin/opensearch/ml/model_groups/get",
            "cluster:admin/opensearch/ml/model_groups/search", "cluster:admin/opensearch/ml/models/get",
            "cluster:admin/opensearch/ml/models/search", "cluster:admin/opensearch/ml/profile/nodes",
            "cluster:admin/opensearch/ml/stats/nodes", "cluster:admin/opensearch/ml/tasks/get",
            "cluster:admin/opensearch/ml/tasks/search", "cluster:admin/opensearch/ml/tools/get",
            "cluster:admin/opensearch/ml/tools/list",
        ],
        "query_assistant_access": [
            "cluster:admin/opensearch/ml/config/get", "cluster:admin/opensearch/ml/execute",
            "cluster:admin/opensearch/ml/predict", "cluster:admin/opensearch/ppl",
        ],
        // `cluster_composite_ops_ro`, as far as the emulator's routes reach (not even `GET /`).
        "readall": ["indices:data/read/mget", "indices:data/read/msearch", "indices:data/read/scroll"],
        "readall_and_monitor": ["cluster:monitor/*", "indices:data/read/mget", "indices:data/read/msearch"],
    ]

    /// Index permission patterns granted on every index (`index_patterns: ['*']`), by role name.
    public static let everyIndex: [String: [String]] = [
        "ml_full_access": ["indices:monitor/*"],
        // The `read` action group.
        "readall": ["indices:data/read*", "indices:admin/mappings/fields/get*", "indices:admin/resolve/index"],
        "readall_and_monitor": ["indices:data/read*", "indices:admin/mappings/fields/get*", "indices:monitor/*"],
    ]

    /// Whether any of `roles` grants the index action `action` on every index.
    public static func allowsOnEveryIndex(_ roles: [String], _ action: String) -> Bool {
        roles.contains { role in (everyIndex[role] ?? []).contains { matches($0, action) } }
    }

    /// Whether any of `roles` grants `action`.
    public static func allows(_ roles: [String], _ action: String) -> Bool {
        roles.contains { role in (cluster[role] ?? []).contains { matches($0, action) } }
    }

    /// The plugin's wildcard match: `*` is any run of characters.
    static func matches(_ pattern: String, _ action: String) -> Bool {
        guard let star = pattern.firstIndex(of: "*") else { return pattern == action }
        let prefix = pattern[..<star], rest = String(pattern[pattern.index(after: star)...])
        guard action.hasPrefix(prefix) else { return false }
        let tail = action.dropFirst(prefix.count)
        if rest.isEmpty { return true }
        var index = tail.startIndex
        while true {
            if matches(rest, String(tail[index...])) { return true }
            if index == tail.endIndex { return false }
            index = tail.index(after: index)
        }
    }
}
