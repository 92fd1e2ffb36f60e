import MLCommonsCore
import MLStore

/// `/_plugins/_ml/memory_containers/{memory_container_id}/memories`: sessions, working memory, long-term
/// memory and its history, each in the container's own index.
enum AgenticMemoryRoutes {
    static let base = "/_plugins/_ml/memory_containers/{memory_container_id}/memories"

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        let service = MemoryContainerService(emulator: emulator)

        routes.add("POST", "\(base)/sessions") { request in
            try await service.requireEnabled()
            guard request.hasBody else { throw OpenSearchError.illegalArgument("Request body is required") }
            let input = try MemorySessionInput(parsing: try request.requiredJSONBody())
            let containerID = request.parameter("memory_container_id")
            let container = try await service.stored(containerID)
            try service.checkAccess(container, request.user, refusal: "User doesn't have permissions to add memory to this container")
            guard let index = container.configuration.indexName(.sessions) else {
                throw OpenSearchError.validationFailed(["index is missing"])
            }
            let id = input.sessionID.flatMap { $0.isJavaBlank ? nil : $0 } ?? emulator.ids.next()
            let document = input.document(containerID: containerID, ownerID: request.user?.name, now: emulator.nowMillis())
            _ = try await emulator.documents.put(index, id: id, source: document)
            return .json(["session_id": .string(id), "status": "created"])
        }

        routes.add("POST", base) { request in
            try await service.requireEnabled()
            guard request.hasBody else {
                throw OpenSearchError("IOException", reason: "Add memory request has empty body", status: 500)
            }
            let input = try WorkingMemoryInput(parsing: try request.requiredJSONBody(), containerID: request.parameter("memory_container_id"))
            let (sessionID, id) = try await WorkingMemoryService(emulator: emulator).add(input, user: request.user)
            var body = JSONObject()
            if let sessionID { body["session_id"] = .string(sessionID) }
            body["working_memory_id"] = .string(id)
            return .json(.object(body))
        }

        let search: RouteTable.Handler = { request in
            try await service.requireEnabled()
            guard request.hasBody else { throw OpenSearchError.illegalArgument("Search memories request has empty body") }
            var search = try SearchRequest(parsing: try request.jsonBody())
            let type = try AgenticMemoryType(parsing: request.parameter("memory_type"))
            let containerID = request.parameter("memory_container_id")
            let container = try await service.stored(containerID)
            try service.checkAccess(container, request.user, refusal: "User doesn't have permissions to search memories in this container")
            guard let name = container.configuration.indexName(type) else {
                throw OpenSearchError("Exception", reason: "Search execution failed: index is missing", status: 500)
            }
            search.query = scoped(try await EmbeddingService(emulator: emulator).resolvingNeural(search.query), to: containerID, user: request.user)
            guard let index = try await emulator.documents.index(name) else { return .json(SearchExecution.emptyResponse) }
            let documents = try await emulator.documents.documents(name)
            do throws(OpenSearchError) {
                try search.checkResultWindow(maxResultWindow: index.maxResultWindow)
                let execution = SearchExecution(request: search, alwaysExcluded: ["content", "model_content", "ui_metadata"])
                return .json(try execution.response(index: name, over: documents, mappings: index.mappings))
            } catch {
                throw OpenSearchError.allShardsFailed(index: name, nodeID: emulator.node.nodeID, failure: error)
            }
        }
        routes.add("GET", "\(base)/{memory_type}/_search", search)
        routes.add("POST", "\(base)/{memory_type}/_search", search)

        routes.add("POST", "\(base)/{memory_type}/_delete_by_query") { request in
            let type = try AgenticMemoryType(parsing: request.parameter("memory_type"))
            let body = try RequestObject(try request.jsonBody() ?? [:])
            guard let queryBody = body.object["query"] else { throw OpenSearchError.validationFailed(["Query is required"]) }
            let query = try SearchQuery(parsing: queryBody)
            try await service.requireEnabled()
            let containerID = request.parameter("memory_container_id")
            let container = try await service.stored(containerID)
            try service.checkAccess(container, request.user, refusal: "User doesn't have permissions to delete memories in this container")
            guard let name = container.configuration.indexName(type) else {
                throw OpenSearchError.statusException("Invalid memory type or memory type is disabled: \(type.rawValue)", status: 400)
            }
            guard let index = try await emulator.documents.index(name) else { throw OpenSearchError.indexNotFound(name) }
            let started = ContinuousClock.now
            let documents = try await emulator.documents.documents(name).sorted { $0.seqNo < $1.seqNo }
            let scorer = QueryScorer(documents: documents, mappings: index.mappings, dynamicFields: false)
            let matches = try scorer.scores(scoped(query, to: containerID, user: request.user)).enumerated()
                .compactMap { $0.element == nil ? nil : documents[$0.offset].id }
            try await emulator.documents.transaction { transaction in
                for id in matches { _ = try transaction.delete(name, id: id) }
            }
            let took = Int((ContinuousClock.now - started) / .milliseconds(1))
            return .json([
                "took": .number(JSONNumber(took)), "timed_out": false, "total": .number(JSONNumber(matches.count)),
                "updated": 0, "created": 0, "deleted": .number(JSONNumber(matches.count)),
                "batches": .number(JSONNumber(matches.isEmpty ? 0 : 1)), "version_conflicts": 0, "noops": 0,
                "retries": ["bulk": 0, "search": 0], "throttled_millis": 0,
                "requests_per_second": .number(JSONNumber(text: "-1.0")), "throttled_until_millis": 0, "failures": [],
            ])
        }

        routes.add("GET", "\(base)/{memory_type}/{memory_id}") { request in
            let found = try await stored(request, service, refusal: "User doesn't have permissions to get memories in this container")
            // ml-commons' get refuses another user's memory with the update's words.
            try checkOwner(found.memory, request, refusal: "User doesn't have permissions to update this memory")
            return .json(.object(AgenticMemoryView.render(found.type, found.memory.source)))
        }

        routes.add("PUT", "\(base)/{memory_type}/{memory_id}") { request in
            try await service.requireEnabled()
            let type = try AgenticMemoryType(parsing: request.parameter("memory_type"))
            guard request.hasBody else { throw OpenSearchError.illegalArgument("Update memory request has empty body") }
            let fields = try RequestObject(try request.requiredJSONBody()).object
            guard !fields.isEmpty else { throw OpenSearchError.illegalArgument("Text cannot be null or empty") }
            let container = try await service.stored(request.parameter("memory_container_id"))
            try service.checkAccess(container, request.user, refusal: "User doesn't have permissions to update memories in this container")
            guard let name = container.configuration.indexName(type) else {
                throw OpenSearchError.statusException("Memory index not found", status: 404)
            }
            guard !name.hasSuffix("-memory-history") else {
                throw OpenSearchError.statusException("Can't update memory history", status: 404)
            }
            let id = request.parameter("memory_id")
            let memory = try await memoryDocument(name, id: id, emulator)
            try checkOwner(memory, request, refusal: "User doesn't have permissions to update this memory")
            let now = emulator.nowMillis()
            let result = try await emulator.documents.update(name, id: id) { source in
                var next = source
                for key in updatableFields(type) { if let value = fields[key] { next[key] = value } }
                next["last_updated_time"] = .number(JSONNumber(text: String(now)))
                // Rebuilt from the map the get returned: the document's keys come back in `HashMap` order.
                return JavaHashMapOrder.deep(next)
            }
            guard let result else { throw OpenSearchError.statusException("Memory not found", status: 404) }
            return .json(result.json(forcedRefresh: false))
        }

        routes.add("DELETE", "\(base)/{memory_type}/{memory_id}") { request in
            let found = try await stored(request, service, refusal: "User doesn't have permissions to delete memories in this container")
            try checkOwner(found.memory, request, refusal: "User doesn't have permissions to delete this memory")
            guard let result = try await emulator.documents.delete(found.index, id: found.memory.id) else {
                throw OpenSearchError.indexNotFound(found.index)
            }
            return .json(result.json(forcedRefresh: false))
        }
    }

    /// The fields an update may set, per type (`constructNewDoc`).
    static func updatableFields(_ type: AgenticMemoryType) -> [String] {
        switch type {
        case .sessions: return ["summary", "metadata", "agents", "additional_info"]
        case .working: return ["messages", "binary_data", "structured_data", "metadata", "tags"]
        case .longTerm: return ["memory", "tags"]
        case .history: return []
        }
    }

    /// The lookups get and delete share: the flag, the type, the container and its access, the index, the memory.
    static func stored(
        _ request: RESTRequest, _ service: MemoryContainerService, refusal: String
    ) async throws -> (type: AgenticMemoryType, index: String, memory: StoredDocument) {
        try await service.requireEnabled()
        let type = try AgenticMemoryType(parsing: request.parameter("memory_type"))
        let container = try await service.stored(request.parameter("memory_container_id"))
        try service.checkAccess(container, request.user, refusal: refusal)
        guard let name = container.configuration.indexName(type) else {
            throw OpenSearchError.statusException("Memory index not found", status: 404)
        }
        return (type, name, try await memoryDocument(name, id: request.parameter("memory_id"), service.emulator))
    }

    /// A memory by id: the index's 404 when it does not exist, `Memory not found` when the memory does not.
    static func memoryDocument(_ index: String, id: String, _ emulator: Emulator) async throws -> StoredDocument {
        switch try await emulator.documents.lookup(index, id: id) {
        case .found(let memory): return memory
        case .noIndex: throw OpenSearchError.indexNotFound(index)
        case .noDocument: throw OpenSearchError.statusException("Memory not found", status: 404)
        }
    }

    /// A memory belongs to the user who wrote it (`owner_id`); admins and security off pass.
    static func checkOwner(_ memory: StoredDocument, _ request: RESTRequest, refusal: String) throws {
        guard let user = request.user, !user.isAdmin else { return }
        guard memory.source["owner_id"]?.stringValue == user.name else {
            throw OpenSearchError.statusException(refusal, status: 403)
        }
    }

    /// The container filter every memory search and delete-by-query carries, and the owner filter for a
    /// non-admin user (3.3.0 failed on the owner filter without a user; it is skipped then).
    static func scoped(_ query: SearchQuery, to containerID: String, user: SecurityUser?) -> SearchQuery {
        var filters: [SearchQuery] = [.term(field: "memory_container_id", value: .string(containerID))]
        if let user, !user.isAdmin { filters.append(.term(field: "owner_id", value: .string(user.name))) }
        return .bool(must: [query], filter: filters, should: [], mustNot: [], minimumShouldMatch: nil)
    }
}
