import MLCommonsCore
import MLStore

/// `/_bulk` and `/{index}/_bulk` (index, create and delete actions, NDJSON), and `/{index}/_refresh`:
/// what tests and the algorithm stories load their data with.
enum BulkRoutes {
    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        let parameters: Set<String> = ["refresh", "routing", "timeout", "wait_for_active_shards", "pipeline", "require_alias"]
        routes.add("POST", "/_bulk", query: parameters) { request in try await bulk(request, defaultIndex: nil, emulator) }
        routes.add("PUT", "/_bulk", query: parameters) { request in try await bulk(request, defaultIndex: nil, emulator) }
        routes.add("POST", "/{index}/_bulk", query: parameters) { request in
            try await bulk(request, defaultIndex: request.parameter("index"), emulator)
        }
        for method in ["POST", "GET"] {
            routes.add(method, "/{index}/_refresh", query: ["ignore_unavailable", "allow_no_indices", "expand_wildcards"]) { request in
                let name = request.parameter("index")
                guard let index = try await emulator.documents.index(name) else { throw OpenSearchError.indexNotFound(name) }
                return .json(["_shards": ["total": (1 + index.numberOfReplicas).json, "successful": 1, "failed": 0]])
            }
        }
    }

    static func bulk(_ request: RESTRequest, defaultIndex: String?, _ emulator: Emulator) async throws -> RESTResponse {
        let started = ContinuousClock.now
        let lines = request.body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            .filter { line in line.contains { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 } }
        guard !lines.isEmpty else { throw OpenSearchError.validationFailed(["no requests added"]) }
        var items: [JSONValue] = []
        var errors = false
        var index = 0
        while index < lines.count {
            let header = try parse(lines[index], line: index + 1)
            guard let object = header.objectValue, object.count == 1, let action = object.keys.first,
                let fields = object[action]?.objectValue
            else {
                throw OpenSearchError.illegalArgument("Malformed action/metadata line [\(index + 1)], expected START_OBJECT or END_OBJECT but found [null]")
            }
            guard ["index", "create", "delete", "update"].contains(action) else {
                throw OpenSearchError.illegalArgument("Malformed action/metadata line [\(index + 1)], expected field [create], [delete], [index] or [update] but found [\(action)]")
            }
            let name = fields["_index"]?.stringValue ?? defaultIndex
            let id = fields["_id"]?.stringValue
            index += 1
            var source: JSONObject?
            if action != "delete" {
                guard index < lines.count else { throw OpenSearchError.illegalArgument("The bulk request must be terminated by a newline [\\n]") }
                source = try parse(lines[index], line: index + 1).objectValue
                index += 1
            }
            guard let name else { throw OpenSearchError.validationFailed(["index is missing"]) }
            let item = await perform(action, index: name, id: id, source: source, emulator)
            if item.failed { errors = true }
            items.append([action: .object(item.body)])
        }
        let elapsed = (ContinuousClock.now - started).components
        let took = Int(elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000)
        return .json(["took": took.json, "errors": .bool(errors), "items": .array(items)])
    }

    /// One bulk item: its write result with `status`, or its error object.
    static func perform(
        _ action: String, index name: String, id: String?, source: JSONObject?, _ emulator: Emulator
    ) async -> (body: JSONObject, failed: Bool) {
        do {
            let result: WriteResult
            var replicas = 1
            switch action {
            case "delete":
                guard let id, let deleted = try await emulator.documents.delete(name, id: id) else {
                    throw OpenSearchError.indexNotFound(name)
                }
                result = deleted
            case "update":
                throw OpenSearchError.illegalArgument("the emulator's bulk API indexes, creates and deletes; use [index] to replace a document")
            default:
                let documentID = id ?? emulator.ids.next()
                try DocumentRoutes.validate(id: documentID)
                if action == "create", try await emulator.documents.document(name, id: documentID) != nil {
                    throw OpenSearchError(
                        "VersionConflictEngineException",
                        reason: "[\(documentID)]: version conflict, document already exists (current version [1])", status: 409)
                }
                (result, replicas) = try await emulator.documents.transaction { tx in
                    try DocumentRoutes.write(source ?? [:], to: name, id: documentID, in: tx)
                }
            }
            guard case .object(var body) = result.json(forcedRefresh: false, shardsTotal: 1 + replicas) else { return ([:], true) }
            body["status"] = (result.outcome == .created ? 201 : result.outcome == .notFound ? 404 : 200).json
            return (body, false)
        } catch {
            let failure = OpenSearchError(reporting: error)
            var body: JSONObject = ["_index": .string(name)]
            if let id { body["_id"] = .string(id) }
            body["status"] = failure.status.json
            body["error"] = ["type": .string(failure.type), "reason": .string(failure.reason)]
            return (body, true)
        }
    }

    static func parse(_ line: ArraySlice<UInt8>, line number: Int) throws -> JSONValue {
        do {
            return try JSONParser.parse(line)
        } catch {
            throw OpenSearchError.jsonParse(error)
        }
    }
}
