import MLCommonsCore
import MLStore

/// `/_plugins/_ml/memory_containers`: agentic memory containers (create, get, update, delete, search).
enum MemoryContainerRoutes {
    static let base = "/_plugins/_ml/memory_containers"

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        let service = MemoryContainerService(emulator: emulator)

        routes.add("POST", "\(base)/_create") { request in
            try await service.requireEnabled()
            guard request.hasBody else { throw OpenSearchError.illegalArgument("Request body is required") }
            let fields = try RequestObject(try request.requiredJSONBody())
            let name = try fields.string("name")
            let description = try fields.string("description")
            let parsed = try service.parseConfiguration(fields.object["configuration"])
            let backendRoles = try fields.stringList("backend_roles")
            guard let name else { throw OpenSearchError.illegalArgument("name is null") }
            try await service.validate(parsed)
            var configuration = parsed
            configuration.strategies = parsed.strategies.map { $0.completed(randomHex: MemoryContainerService.randomHex) }
            let now = emulator.nowMillis()
            let document = MemoryContainer.document(
                name: name, description: description, owner: request.user?.ownerJSON, createdTime: now,
                lastUpdatedTime: now, configuration: configuration, backendRoles: backendRoles)
            let id = emulator.ids.next()
            try await emulator.documents.createIndex(MemoryContainer.index, settings: containerIndexSettings)
            _ = try await emulator.documents.put(MemoryContainer.index, id: id, source: document)
            try await service.createDataIndices(configuration)
            return .json(["memory_container_id": .string(id), "status": "created"])
        }

        routes.addSearch(
            "\(base)/_search", emulator: emulator, index: MemoryContainer.index,
            excluding: ["content", "model_content", "ui_metadata"],
            precondition: { _ in try await service.requireEnabled() },
            // Without a user (security off) nothing is filtered: 3.3.0 failed here with a NullPointerException.
            visible: { request in
                guard let user = request.user, !user.isAdmin else { return nil }
                return { MemoryContainer.isAccessible($0.source, to: user) }
            })

        routes.add("GET", "\(base)/{memory_container_id}") { request in
            try await service.requireEnabled()
            let id = request.parameter("memory_container_id")
            let document: StoredDocument
            switch try await emulator.documents.lookup(MemoryContainer.index, id: id) {
            case .found(let found): document = found
            case .noIndex: throw OpenSearchError.statusException("Failed to find memory container index", status: 404)
            case .noDocument:
                throw OpenSearchError.statusException(
                    "Failed to find memory container with the provided memory container id: \(id)", status: 404)
            }
            guard MemoryContainer.isAccessible(document.source, to: request.user) else {
                throw OpenSearchError.statusException(
                    "User doesn't have privilege to perform this operation on this memory container", status: 403)
            }
            return .json(.object(try rendered(document.source, service)))
        }

        routes.add("PUT", "\(base)/{memory_container_id}") { request in
            try await service.requireEnabled()
            guard request.hasBody else { throw OpenSearchError.illegalArgument("Update memory container request has empty body") }
            let fields = try RequestObject(try request.requiredJSONBody())
            let name = try fields.string("name")
            let description = try fields.string("description")
            let backendRoles = try fields.stringList("backend_roles")
            let update = try fields.object["configuration"].map { value throws(OpenSearchError) in try service.parseConfiguration(value) }
            let id = request.parameter("memory_container_id")
            let container = try await service.stored(id)
            try service.checkAccess(container, request.user, refusal: "User doesn't have permissions to update memories in this container")
            var configuration = container.configuration
            if let update, let configurationUpdate = try fields.object("configuration") {
                configuration = try merged(configuration, update, sent: configurationUpdate)
                if container.configuration.strategies.isEmpty, !configuration.strategies.isEmpty {
                    try await service.validate(configuration)
                    try await service.createDataIndices(configuration)
                }
            }
            let now = emulator.nowMillis()
            // Spelled out: a bare `nil` in a ternary with a `JSONValue` would become JSON null.
            var configurationJSON: JSONValue?
            if update != nil { configurationJSON = configuration.json }
            let sentConfiguration = configurationJSON
            let result = try await emulator.documents.update(MemoryContainer.index, id: id) { current in
                // An update merges into the stored map: existing keys keep their place.
                var next = current
                if let name { next["name"] = .string(name) }
                if let description { next["description"] = .string(description) }
                if let backendRoles { next["backend_roles"] = .array(backendRoles.map(JSONValue.string)) }
                if let sentConfiguration { next["configuration"] = sentConfiguration }
                next["last_updated_time"] = .number(JSONNumber(text: String(now)))
                return next
            }
            guard let result else { throw OpenSearchError.statusException("Memory container not found", status: 404) }
            return .json(result.json(forcedRefresh: false))
        }

        routes.add("DELETE", "\(base)/{memory_container_id}", query: ["delete_all_memories", "delete_memories"]) { request in
            try await service.requireEnabled()
            // `parser.map()`: a body that is not an object reads as an empty map.
            let body = RequestObject(try request.jsonBody()?.objectValue ?? JSONObject())
            let deleteAll = try request.query["delete_all_memories"].map { try JavaBoolean.parse($0) }
                ?? body.bool("delete_all_memories") ?? false
            let types = try (request.query["delete_memories"].map { $0.split(separator: ",").map(String.init) }
                ?? body.stringList("delete_memories") ?? []).map { text throws(OpenSearchError) in try AgenticMemoryType(parsing: text) }
            if deleteAll, !types.isEmpty {
                throw OpenSearchError.validationFailed([
                    "Cannot specify both delete_all_memories and delete_memories. Use either delete_all_memories=true OR delete_memories with specific types",
                ])
            }
            let id = request.parameter("memory_container_id")
            let container = try await service.stored(id)
            if let user = request.user, !user.isAdmin, container.document.source["owner"]?["name"]?.stringValue != user.name {
                throw OpenSearchError.statusException("Only container owner can delete container", status: 403)
            }
            let doomed = deleteAll ? AgenticMemoryType.allCases : types
            if !doomed.isEmpty {
                let prefix = container.configuration.indexPrefix
                let sharing = try await emulator.documents.documents(MemoryContainer.index).filter {
                    $0.source["configuration"]?["index_prefix"]?.stringValue == prefix
                }
                if sharing.count > 1 {
                    throw OpenSearchError.statusException(
                        "Cannot delete memory indices as multiple containers share the index prefix '\(prefix)'. Please delete the container without index deletion, or use delete_by_query API for data cleanup.",
                        status: 409)
                }
            }
            guard let result = try await emulator.documents.delete(MemoryContainer.index, id: id) else {
                throw OpenSearchError.statusException("Failed to find memory container", status: 404)
            }
            for type in doomed {
                guard let name = container.configuration.indexName(type) else { continue }
                guard try await emulator.documents.deleteIndex(name) else { throw OpenSearchError.indexNotFound(name) }
            }
            return .json(result.json())
        }
    }

    /// The sdk creates the container index with one shard and up to one replica.
    static let containerIndexSettings: JSONObject = ["index.number_of_shards": "1", "index.auto_expand_replicas": "0-1"]

    /// A stored container read back and written as `MLMemoryContainer.toXContent` does.
    static func rendered(_ source: JSONObject, _ service: MemoryContainerService) throws(OpenSearchError) -> JSONObject {
        MemoryContainer.document(
            name: source["name"]?.stringValue, description: source["description"]?.stringValue, owner: source["owner"],
            createdTime: source["created_time"]?.numberValue.flatMap { Int64($0.text) } ?? 0,
            lastUpdatedTime: source["last_updated_time"]?.numberValue.flatMap { Int64($0.text) } ?? 0,
            configuration: try service.configuration(of: source),
            backendRoles: source["backend_roles"]?.arrayValue?.compactMap(\.stringValue))
    }

    /// `MemoryConfiguration.update`: the models and strategies the update sends; prefix, flags and index
    /// settings never change. Strategies merge by id, new ones get ids.
    static func merged(
        _ current: MemoryContainerConfiguration, _ update: MemoryContainerConfiguration, sent: JSONObject
    ) throws(OpenSearchError) -> MemoryContainerConfiguration {
        var next = current
        if sent["llm_id"] != nil, let llmID = update.llmID { next.llmID = llmID }
        if sent["max_infer_size"] != nil, let size = update.maxInferSize { next.maxInferSize = size }
        let changesEmbedding = ["embedding_model_id", "embedding_model_type", "embedding_dimension"].contains { sent[$0] != nil }
        if changesEmbedding {
            guard current.strategies.isEmpty else {
                throw .illegalArgument(
                    "Cannot change embedding configuration once strategies are configured. Embedding configuration is shared across all strategies in the container.")
            }
            if let id = update.embeddingModelID { next.embeddingModelID = id }
            if let type = update.embeddingModelType { next.embeddingModelType = type }
            next.embeddingDimension = next.embeddingModelType == "SPARSE_ENCODING" ? nil : update.embeddingDimension ?? next.embeddingDimension
        }
        if !update.strategies.isEmpty {
            var byID = current.strategies
            for strategy in update.strategies {
                if let id = strategy.id, !id.isJavaBlank {
                    guard let index = byID.firstIndex(where: { $0.id == id }) else {
                        throw .statusException("Strategy with id \(id) not found", status: 404)
                    }
                    if let kind = strategy.kind, let existing = byID[index].kind, kind != existing {
                        throw .illegalArgument("Cannot change strategy type from \(existing.rawValue) to \(kind.rawValue) for strategy \(id)")
                    }
                    var merged = byID[index]
                    if let enabled = strategy.enabled { merged.enabled = enabled }
                    if let namespace = strategy.namespace { merged.namespace = namespace }
                    if !strategy.configuration.isEmpty { merged.configuration = strategy.configuration }
                    byID[index] = merged
                } else {
                    byID.append(strategy.completed(randomHex: MemoryContainerService.randomHex))
                }
            }
            // The merged strategies come out of a `HashMap` by id.
            let order = JavaHashMapOrder.ordered(byID.compactMap(\.id))
            next.strategies = order.compactMap { id in byID.first { $0.id == id } }
        }
        return next
    }
}
