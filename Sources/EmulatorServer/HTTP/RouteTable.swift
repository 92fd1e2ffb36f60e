import MLCommonsCore

/// The REST handlers by method and path, resolved with OpenSearch's rules: literal segments beat
/// parameters, an unknown path answers "no handler", a known path with another method answers 405.
public struct RouteTable: Sendable {
    public typealias Handler = @Sendable (RESTRequest) async throws -> RESTResponse

    struct Route: Sendable {
        let method: String
        let pattern: RoutePattern
        let queryParameters: Set<String>
        let handler: Handler
    }

    /// Query parameters every OpenSearch REST handler accepts.
    static let globalQueryParameters: Set<String> = [
        "pretty", "human", "error_trace", "filter_path", "format", "source", "source_content_type",
    ]

    private(set) var routes: [Route] = []
    private var trie = RouteTrie()

    public init() {}

    /// Adds a handler; `query` lists the parameters it consumes (others are rejected as OpenSearch does).
    public mutating func add(
        _ method: String, _ pattern: String, query: Set<String> = [], _ handler: @escaping Handler
    ) {
        let route = Route(method: method, pattern: RoutePattern(pattern), queryParameters: query, handler: handler)
        trie.insert(route.pattern.segments[...], route: routes.count)
        routes.append(route)
    }

    /// The route for a request, with its bound path parameters.
    func resolve(method: String, path: String, rawURI: String) -> Result<(Route, [String: String]), OpenSearchError> {
        // The most specific pattern decides; its methods alone count for a 405.
        let components = path.split(separator: "/")
        guard let samePattern = mostSpecific(components) else { return .failure(.noHandler(uri: path, method: method)) }
        let effectiveMethod = method == "HEAD" ? "GET" : method
        if let exact = samePattern.first(where: { $0.method == method }) ?? samePattern.first(where: { $0.method == effectiveMethod }),
            let parameters = exact.pattern.match(components.map(String.init))
        {
            return .success((exact, parameters))
        }
        return .failure(.methodNotAllowed(uri: rawURI, method: method, allowed: Self.sortedMethods(samePattern.map(\.method))))
    }

    /// The methods the most specific pattern matching `path` serves, or nil when none matches.
    func methods(path: String) -> [String]? {
        mostSpecific(path.split(separator: "/")).map { Self.sortedMethods($0.map(\.method)) }
    }

    /// The routes of the most specific pattern fitting `path` (the first registered among equally specific ones).
    private func mostSpecific(_ components: [Substring]) -> [Route]? {
        guard let found = trie.candidates(components[...]) else { return nil }
        let best = routes[found[0]].pattern
        return found.map { routes[$0] }.filter { $0.pattern == best }
    }

    private static func sortedMethods(_ methods: [String]) -> [String] {
        let order = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"]
        return Array(Set(methods)).sorted { (order.firstIndex(of: $0) ?? 99) < (order.firstIndex(of: $1) ?? 99) }
    }
}
