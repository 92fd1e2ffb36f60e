import MLCommonsCore

extension RouteTable {
    /// `GET|POST <path>/_search` over one index, as `AbstractMLSearchAction` serves it.
    mutating func addSearch(
        _ path: String, emulator: Emulator, index: String, excluding: [String] = [],
        precondition: @escaping @Sendable () async throws -> Void = {},
        scope: @escaping @Sendable (RESTRequest) -> SearchQuery? = { _ in nil },
        hidden: (@Sendable (StoredDocument) -> Bool)? = nil
    ) {
        let handler: Handler = { request in
            try await precondition()
            var search = try SearchRequest(parsing: try request.jsonBody())
            if let extra = scope(request) {
                search.query = .bool(must: [search.query], filter: [extra], should: [], mustNot: [], minimumShouldMatch: nil)
            }
            guard let info = try await emulator.documents.index(index) else { return .json(SearchExecution.emptyResponse) }
            let documents = try await emulator.documents.documents(index)
            do throws(OpenSearchError) {
                try search.checkResultWindow(maxResultWindow: info.maxResultWindow)
                return .json(try SearchExecution(request: search, alwaysExcluded: excluding).response(index: index, over: documents, hidden: hidden))
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
