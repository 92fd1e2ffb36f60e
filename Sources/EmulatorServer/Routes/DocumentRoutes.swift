import MLCommonsCore
import MLStore

/// `/{index}/_doc` and `/{index}/_search`: single documents and search on any index. Writes create the
/// index on first use and map new fields dynamically, as OpenSearch's auto-create does.
enum DocumentRoutes {
    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        let writeParameters: Set<String> = ["refresh", "routing", "timeout", "wait_for_active_shards"]

        routes.add("POST", "/{index}/_doc", query: writeParameters) { request in
            try await index(request, id: emulator.ids.next(), emulator)
        }
        for method in ["PUT", "POST"] {
            routes.add(method, "/{index}/_doc/{id}", query: writeParameters) { request in
                try await index(request, id: request.parameter("id"), emulator)
            }
        }

        routes.add("GET", "/{index}/_doc/{id}", query: ["_source", "realtime", "refresh", "routing", "preference"]) { request in
            let name = request.parameter("index")
            let id = request.parameter("id")
            guard try await emulator.documents.indexExists(name) else {
                throw OpenSearchError.indexNotFound(name, resource: .indexExpression)
            }
            guard let document = try await emulator.documents.document(name, id: id) else {
                return .json(["_index": .string(name), "_id": .string(id), "found": false], status: 404)
            }
            var body: JSONObject = [
                "_index": .string(name), "_id": .string(id), "_version": document.version.json,
                "_seq_no": document.seqNo.json, "_primary_term": document.primaryTerm.json, "found": true,
            ]
            if request.query["_source"] != "false" { body["_source"] = .object(document.source) }
            return .json(.object(body))
        }

        routes.add("DELETE", "/{index}/_doc/{id}", query: writeParameters) { request in
            let name = request.parameter("index")
            try validate(id: request.parameter("id"))
            guard let index = try await emulator.documents.index(name),
                let result = try await emulator.documents.delete(name, id: request.parameter("id"))
            else {
                throw OpenSearchError.indexNotFound(name, resource: .indexExpression)
            }
            return .json(
                result.json(forcedRefresh: forcesRefresh(request), shardsTotal: 1 + index.numberOfReplicas),
                status: result.outcome == .notFound ? 404 : 200)
        }

        let search: RouteTable.Handler = { request in
            let name = request.parameter("index")
            var search = try SearchRequest(parsing: try request.jsonBody())
            try search.applyURLParameters(request.query)
            guard let index = try await emulator.documents.index(name) else { throw OpenSearchError.indexNotFound(name) }
            search.query = try await EmbeddingService(emulator: emulator).resolvingNeural(search.query)
            let documents = try await emulator.documents.documents(name)
            do throws(OpenSearchError) {
                try search.checkResultWindow(maxResultWindow: index.maxResultWindow)
                return .json(try SearchExecution(request: search, forcesVersions: false).response(index: name, over: documents, mappings: index.mappings))
            } catch {
                throw OpenSearchError.allShardsFailed(index: name, nodeID: emulator.node.nodeID, failure: error)
            }
        }
        routes.add("GET", "/{index}/_search", query: ["size", "from"], search)
        routes.add("POST", "/{index}/_search", query: ["size", "from"], search)
    }

    /// Indexes one document: auto-creates the index, grows its mapping, answers 201 with `Location`
    /// for a new document and 200 for a replaced one.
    static func index(_ request: RESTRequest, id: String, _ emulator: Emulator) async throws -> RESTResponse {
        let name = request.parameter("index")
        try validate(id: id)
        let source = try RequestObject(try request.requiredJSONBody()).object
        let (result, replicas) = try await emulator.documents.transaction { transaction in
            try write(source, to: name, id: id, in: transaction)
        }
        var response = RESTResponse.json(
            result.json(forcedRefresh: forcesRefresh(request), shardsTotal: 1 + replicas),
            status: result.outcome == .created ? 201 : 200)
        if result.outcome == .created { response.headers.append(("Location", location(name, id))) }
        return response
    }

    /// One document written as an index request writes it: the index created on first use, its mapping
    /// grown within its limits. Returns the result and the index's replica count.
    static func write(
        _ source: JSONObject, to name: String, id: String, in transaction: DocumentTransaction
    ) throws -> (WriteResult, replicas: Int) {
        let existing = try transaction.indexDefinition(name)
        if existing == nil { try IndexNameRules.validate(name) }
        let mappings = try IndexMappings.merging(source, into: existing?.mappings ?? JSONObject())
        if mappings != existing?.mappings {
            try IndexMappings.checkLimits(
                mappings, totalFields: existing?.totalFieldsLimit ?? 1000, depth: existing?.mappingDepthLimit ?? 20)
        }
        if existing == nil {
            try transaction.createIndex(name, mappings: mappings, settings: JSONObject())
        } else if mappings != existing?.mappings {
            try transaction.setMappings(name, mappings)
        }
        let replicas = try transaction.indexDefinition(name)?.numberOfReplicas ?? 1
        return (try transaction.put(name, id: id, source: source), replicas)
    }

    /// `DocWriteRequest.validateDocIdLength`, run by the write's `validate()` before anything else.
    static func validate(id: String) throws(OpenSearchError) {
        let bytes = id.utf8.count
        if bytes > 512 {
            throw .validationFailed(["id [\(id)] is too long, must be no longer than 512 bytes but was: \(bytes)"])
        }
        // SQLite's `length()` stops at a NUL, so an id that starts with one cannot be stored.
        if id.utf8.first == 0 {
            throw .illegalArgument("document ids that start with a NUL character are not supported by the emulator")
        }
    }

    /// `?refresh` or `?refresh=true` refreshes at once and says so (`wait_for` does not).
    static func forcesRefresh(_ request: RESTRequest) -> Bool {
        guard let value = request.query["refresh"] else { return false }
        return value.isEmpty || value == "true"
    }

    /// `DocWriteResponse.getLocation`: `/<index>/_doc/<id>`, each part `URLEncoder`-encoded.
    static func location(_ index: String, _ id: String) -> String {
        "/\(urlEncoded(index))/_doc/\(urlEncoded(id))"
    }

    private static func urlEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "*"),
                UInt8(ascii: "_"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "): out += "+"
            default: out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
