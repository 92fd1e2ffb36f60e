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

    public init() {}

    /// Adds a handler; `query` lists the parameters it consumes (others are rejected as OpenSearch does).
    public mutating func add(
        _ method: String, _ pattern: String, query: Set<String> = [], _ handler: @escaping Handler
    ) {
        routes.append(Route(method: method, pattern: RoutePattern(pattern), queryParameters: query, handler: handler))
    }

    /// The route for a request, with its bound path parameters.
    func resolve(method: String, path: String, rawURI: String) -> Result<(Route, [String: String]), OpenSearchError> {
        let components = path.split(separator: "/").map(String.init)
        var candidates: [(Route, [String: String])] = []
        for route in routes {
            if let parameters = route.pattern.match(components) { candidates.append((route, parameters)) }
        }
        // The most specific pattern decides; its methods alone count for a 405.
        guard let best = candidates.map(\.0.pattern).min(by: { $0.isMoreSpecific(than: $1) }) else {
            return .failure(.noHandler(uri: path, method: method))
        }
        let samePattern = candidates.filter { $0.0.pattern == best }
        let effectiveMethod = method == "HEAD" ? "GET" : method
        if let exact = samePattern.first(where: { $0.0.method == method })
            ?? samePattern.first(where: { $0.0.method == effectiveMethod })
        {
            return .success(exact)
        }
        let allowed = samePattern.map(\.0.method)
        return .failure(.methodNotAllowed(uri: rawURI, method: method, allowed: Self.sortedMethods(allowed)))
    }

    /// The methods the most specific pattern matching `path` serves, or nil when none matches.
    func methods(path: String) -> [String]? {
        let components = path.split(separator: "/").map(String.init)
        let candidates = routes.filter { $0.pattern.match(components) != nil }
        guard let best = candidates.map(\.pattern).min(by: { $0.isMoreSpecific(than: $1) }) else { return nil }
        return Self.sortedMethods(candidates.filter { $0.pattern == best }.map(\.method))
    }

    private static func sortedMethods(_ methods: [String]) -> [String] {
        let order = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS"]
        return Array(Set(methods)).sorted { (order.firstIndex(of: $0) ?? 99) < (order.firstIndex(of: $1) ?? 99) }
    }
}
