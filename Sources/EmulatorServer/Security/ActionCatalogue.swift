import MLCommonsCore

/// Which transport action the security plugin checks for a REST call: ml-commons' from its route catalogue,
/// OpenSearch's own for the core routes the emulator serves.
struct ActionCatalogue: Sendable {
    struct Entry: Sendable {
        let method: String
        let pattern: RoutePattern
        let action: String
        /// Index actions are checked against the index in the path (`{index}`), cluster actions are not.
        var isIndexAction: Bool { action.hasPrefix("indices:") }
    }

    static let core: [(String, String, String)] = [
        ("GET", "/", "cluster:monitor/main"), ("HEAD", "/", "cluster:monitor/main"),
        ("GET", "/_cluster/health", "cluster:monitor/health"), ("GET", "/_cluster/settings", "cluster:monitor/state"),
        ("PUT", "/_cluster/settings", "cluster:admin/settings/update"), ("GET", "/_cat/indices", "cluster:monitor/state"),
        ("GET", "/_cat/indices/{index}", "cluster:monitor/state"), ("POST", "/_bulk", "indices:data/write/bulk"),
        ("PUT", "/_bulk", "indices:data/write/bulk"), ("POST", "/{index}/_bulk", "indices:data/write/bulk"),
        ("POST", "/{index}/_refresh", "indices:admin/refresh"), ("GET", "/{index}/_refresh", "indices:admin/refresh"),
        ("POST", "/{index}/_doc", "indices:data/write/index"), ("PUT", "/{index}/_doc/{id}", "indices:data/write/index"),
        ("POST", "/{index}/_doc/{id}", "indices:data/write/index"), ("GET", "/{index}/_doc/{id}", "indices:data/read/get"),
        ("DELETE", "/{index}/_doc/{id}", "indices:data/write/delete"), ("GET", "/{index}/_search", "indices:data/read/search"),
        ("POST", "/{index}/_search", "indices:data/read/search"), ("PUT", "/{index}", "indices:admin/create"),
        ("DELETE", "/{index}", "indices:admin/delete"), ("GET", "/{index}", "indices:admin/get"),
        ("HEAD", "/{index}", "indices:admin/exists"), ("GET", "/{index}/_mapping", "indices:admin/mappings/get"),
    ]

    let entries: [Entry]

    init(profile: VersionProfile) {
        let ml = profile.restRoutes.compactMap { route in
            route.action.map { Entry(method: route.method, pattern: RoutePattern(route.path), action: $0) }
        }
        entries = ml + Self.core.map { Entry(method: $0.0, pattern: RoutePattern($0.1), action: $0.2) }
    }

    /// The action of the most specific pattern that fits the call, with the index it names.
    func action(method: String, path: String) -> (action: String, index: String?)? {
        let components = path.split(separator: "/").map(String.init)
        var best: (Entry, [String: String])?
        for entry in entries where entry.method == method {
            guard let parameters = entry.pattern.match(components) else { continue }
            if let current = best, !entry.pattern.isMoreSpecific(than: current.0.pattern) { continue }
            best = (entry, parameters)
        }
        guard let (entry, parameters) = best else { return nil }
        return (entry.action, entry.isIndexAction ? parameters["index"] : nil)
    }
}
