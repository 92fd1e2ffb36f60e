import MLCommonsCore

/// The ml-commons routes of the impersonated release that no handler serves yet: each answers 501 naming
/// itself, where a cluster would never say `no handler found`. Derived from the route table, so a route
/// leaves this list the moment it is implemented.
enum NotEmulatedRoutes {
    static func register(_ routes: inout RouteTable, _ profile: VersionProfile) {
        // Decided against the real handlers only, so one placeholder never hides another route.
        let missing = profile.restRoutes.filter { !served($0, by: routes) }
        for route in missing {
            let method = route.method
            let version = profile.number
            routes.add(method, route.path) { request in
                throw OpenSearchError.notEmulated(method: method, path: request.path, version: version)
            }
        }
    }

    /// Whether a request on the route's path (its parameters filled in) reaches a handler of its method
    /// written for it.
    private static func served(_ route: MLCommonsRoute, by routes: RouteTable) -> Bool {
        let sample = route.path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("{") ? "sample" : String($0) }.joined(separator: "/")
        // A handler whose pattern has a parameter where the route has a word (`{memory_id}` for
        // `_semantic_search`) is another API that happens to match.
        guard case .success(let (handler, _)) = routes.resolve(method: route.method, path: sample, rawURI: sample) else { return false }
        return !RoutePattern(route.path).isMoreSpecific(than: handler.pattern)
    }
}
