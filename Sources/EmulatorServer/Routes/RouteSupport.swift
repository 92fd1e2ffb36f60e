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
            do throws(OpenSearchError) {
                try search.checkResultWindow(maxResultWindow: info.maxResultWindow)
            } catch {
                throw OpenSearchError.allShardsFailed(index: index, nodeID: emulator.node.nodeID, failure: error)
            }
            var documents = try await emulator.documents.documents(index)
            if let hidden { documents.removeAll(where: hidden) }
            return .json(SearchExecution(request: search, alwaysExcluded: excluding).response(over: documents))
        }
        // ml-commons reads the search from the body alone (`AbstractMLSearchAction`): `?size=` is unrecognized.
        add("GET", path, handler)
        add("POST", path, handler)
    }
}

extension Int {
    var json: JSONValue { .number(JSONNumber(self)) }
}

extension Int64 {
    var json: JSONValue { .number(JSONNumber(Int(self))) }
}
