import MLCommonsCore

extension RouteTable {
    /// `GET|POST <path>/_search` over one index, as `AbstractMLSearchAction` serves it.
    mutating func addSearch(
        _ path: String, emulator: Emulator, index: String, excluding: [String] = [],
        precondition: @escaping @Sendable (RESTRequest) async throws -> Void = { _ in },
        scope: @escaping @Sendable (RESTRequest) -> SearchQuery? = { _ in nil }, scopeScores: Bool = false,
        hidden: (@Sendable (StoredDocument) -> Bool)? = nil,
        visible: @escaping @Sendable (RESTRequest) async throws -> (@Sendable (StoredDocument) -> Bool)? = { _ in nil }
    ) {
        let handler: Handler = { request in
            try await precondition(request)
            var search = try SearchRequest(parsing: try request.jsonBody())
            // A scope is a filter, unless the handler adds it as a scoring `must` clause.
            if let extra = scope(request) {
                search.query = scopeScores
                    ? .bool(must: [search.query, extra], filter: [], should: [], mustNot: [], minimumShouldMatch: nil)
                    : .bool(must: [search.query], filter: [extra], should: [], mustNot: [], minimumShouldMatch: nil)
            }
            guard let info = try await emulator.documents.index(index) else { return .json(SearchExecution.emptyResponse) }
            let documents = try await emulator.documents.documents(index)
            // Per-user access filters like a query filter: it never changes the scoring statistics.
            let isVisible = try await visible(request)
            var excluded = hidden
            if let isVisible {
                excluded = { @Sendable document in hidden?(document) == true || !isVisible(document) }
            }
            do throws(OpenSearchError) {
                try search.checkResultWindow(maxResultWindow: info.maxResultWindow)
                return .json(try SearchExecution(request: search, alwaysExcluded: excluding).response(index: index, over: documents, hidden: excluded))
            } catch {
                throw OpenSearchError.allShardsFailed(index: index, nodeID: emulator.node.nodeID, failure: error)
            }
        }
        // ml-commons reads the search from the body alone (`AbstractMLSearchAction`): `?size=` is unrecognized.
        add("GET", path, handler)
        add("POST", path, handler)
    }
}

extension RouteTable {
    /// A route under its name and under the deprecated name it replaced (`ReplacedRoute`): the old path
    /// answers the same, with OpenSearch's deprecation `Warning` header naming both.
    mutating func add(
        _ method: String, _ path: String, replacing old: String, version: String, query: Set<String> = [],
        _ handler: @escaping Handler
    ) {
        add(method, path, query: query, handler)
        let warning = "299 OpenSearch-\(version)-ml-commons-emulator \"[\(method) \(old)] is deprecated! Use [\(method) \(path)] instead.\""
        add(method, old, query: query) { request in
            var response = try await handler(request)
            response.headers.append(("Warning", warning))
            return response
        }
    }
}

extension Int {
    var json: JSONValue { .number(JSONNumber(self)) }
}

extension Int64 {
    var json: JSONValue { .number(JSONNumber(Int(self))) }
}
