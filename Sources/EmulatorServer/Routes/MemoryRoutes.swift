import MLCommonsCore

/// `/_plugins/_ml/memory`: conversation memories, their messages and traces.
enum MemoryRoutes {
    static let base = "/_plugins/_ml/memory"
    static let metaIndex = ConversationMemory.metaIndex
    static let messageIndex = ConversationMemory.messageIndex

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        let requireMemory: @Sendable () async throws -> Void = { try await requireFeature(emulator) }

        routes.add("POST", base) { request in
            try await requireMemory()
            let fields = try RequestObject(try request.jsonBody() ?? [:])
            let name = try memoryString(fields, "name")
            let applicationType = try memoryString(fields, "application_type")
            let additionalInfo = try fields.object("additional_info")
            let id = try await emulator.conversations.createMemory(
                name: name, applicationType: applicationType, additionalInfo: additionalInfo, user: request.user?.name)
            return .json(["memory_id": .string(id)])
        }

        routes.add("GET", base, query: ["max_results", "next_token"]) { request in
            try await requireMemory()
            let (from, size) = try paging(request, .memories)
            // Only the conversation listing leaves `from` to the search, which checks it once the index exists.
            guard try await emulator.documents.indexExists(metaIndex) else { return .json(["memories": []]) }
            try checkWindow(from: from, size: size, index: metaIndex, emulator)
            // With the security plugin each user lists only their own memories (`term user:<name>`).
            var memories = try await emulator.documents.documents(metaIndex)
                .filter { ConversationMemory.isAccessible($0.source, to: request.user?.name) }
            memories.sort { time($0.source["updated_time"]) > time($1.source["updated_time"]) }
            let page = Array(memories.dropFirst(from).prefix(size))
            var body: JSONObject = ["memories": .array(page.map { .object(ConversationMemory.metaView(id: $0.id, source: $0.source)) })]
            if page.count == size { body["next_token"] = (from + size).json }
            return .json(.object(body))
        }

        // `searchConversations` wraps the query as `bool{must:[query, term user:<name>]}` for a user.
        routes.addSearch(
            "\(base)/_search", emulator: emulator, index: metaIndex, precondition: { _ in try await requireMemory() },
            scope: { request in request.user.map { SearchQuery.term(field: "user", value: .string($0.name)) } }, scopeScores: true)

        routes.add("GET", "\(base)/{memory_id}") { request in
            try await requireMemory()
            let memory = try await storedMemory(request.parameter("memory_id"), request, emulator)
            return .json(.object(ConversationMemory.metaView(id: memory.id, source: memory.source)))
        }

        routes.add("PUT", "\(base)/{memory_id}") { request in
            try await requireMemory()
            let id = request.parameter("memory_id")
            let fields = try RequestObject(try request.requiredJSONBody())
            let name = try memoryString(fields, "name")
            _ = try await storedMemory(id, request, emulator)
            let now = InstantTime.now()
            guard let result = try await emulator.documents.update(metaIndex, id: id, { source in
                var next = source
                if let name { next["name"] = .string(name) }
                next["updated_time"] = .string(now.iso8601)
                return next
            }) else { throw notFound(memory: id) }
            return .json(result.json())
        }

        routes.add("DELETE", "\(base)/{memory_id}") { request in
            try await requireMemory()
            let id = request.parameter("memory_id")
            let memory = try await emulator.documents.document(metaIndex, id: id)
            guard let memory else { throw notFound(memory: id) }
            if !ConversationMemory.isAccessible(memory.source, to: request.user?.name) {
                throw OpenSearchError.statusException("Resources not found. Failed to delete the memory for \(id)", status: 404)
            }
            let messages = try await emulator.documents.documents(messageIndex, where: "memory_id", equals: id)
            try await emulator.documents.transaction { tx in
                for message in messages { _ = try tx.delete(messageIndex, id: message.id) }
                _ = try tx.delete(metaIndex, id: id)
            }
            return .json(["success": true])
        }

        routes.add("POST", "\(base)/{memory_id}/messages") { request in
            try await requireMemory()
            let memoryID = request.parameter("memory_id")
            let fields = try RequestObject(try request.jsonBody() ?? [:])
            let input = try memoryString(fields, "input")
            let promptTemplate = try memoryString(fields, "prompt_template")
            let response = try memoryString(fields, "response")
            let origin = try memoryString(fields, "origin")
            let additionalInfo = try fields.stringMap("additional_info")
            let parent = try memoryString(fields, "parent_message_id")
            let traceNumber = try fields.int("trace_number", coerce: false)
            let blank: (String?) -> Bool = { $0?.trimmingWhitespace().isEmpty ?? true }
            if blank(input), blank(promptTemplate), blank(response), blank(origin), additionalInfo?.isEmpty ?? true {
                throw OpenSearchError.illegalArgument(
                    "At least one of the following parameters must be non-empty: input, prompt_template, response, origin, additional_info")
            }
            let id = try await emulator.conversations.createMessage(
                memoryID: memoryID, input: input, promptTemplate: promptTemplate, response: response, origin: origin,
                additionalInfo: additionalInfo, parentMessageID: parent, traceNumber: traceNumber, user: request.user?.name)
            return .json(["message_id": .string(id)])
        }

        routes.add("GET", "\(base)/{memory_id}/messages", query: ["max_results", "next_token"]) { request in
            try await requireMemory()
            let memoryID = request.parameter("memory_id")
            let (from, size) = try paging(request, .messages)
            _ = try await storedMemory(memoryID, request, emulator)
            try checkWindow(from: from, size: size, index: messageIndex, emulator)
            var messages = try await emulator.documents.documents(messageIndex, where: "memory_id", equals: memoryID)
                .filter { ($0.source["trace_number"] ?? .null) == .null }
            messages.sort { time($0.source["create_time"]) < time($1.source["create_time"]) }
            let page = Array(messages.dropFirst(from).prefix(size))
            var body: JSONObject = ["messages": .array(page.map { .object(ConversationMemory.messageView(id: $0.id, source: $0.source)) })]
            if page.count == size { body["next_token"] = (from + size).json }
            return .json(.object(body))
        }

        routes.addSearch(
            "\(base)/{memory_id}/_search", emulator: emulator, index: messageIndex,
            precondition: { request in
                try await requireMemory()
                if request.user != nil { _ = try await storedMemory(request.parameter("memory_id"), request, emulator) }
            },
            scope: { request in .term(field: "memory_id", value: .string(request.parameter("memory_id"))) })

        routes.add("GET", "\(base)/message/{message_id}") { request in
            try await requireMemory()
            let message = try await storedMessage(request.parameter("message_id"), request, emulator)
            return .json(.object(ConversationMemory.messageView(id: message.id, source: message.source)))
        }

        routes.add("PUT", "\(base)/message/{message_id}") { request in
            try await requireMemory()
            let id = request.parameter("message_id")
            let fields = try RequestObject(try request.requiredJSONBody())
            let additionalInfo = try fields.object("additional_info")
            _ = try await storedMessage(id, request, emulator)
            let now = InstantTime.now()
            guard let result = try await emulator.documents.update(messageIndex, id: id, { source in
                var next = source
                if let additionalInfo {
                    var merged = source["additional_info"]?.objectValue ?? JSONObject()
                    for (key, value) in additionalInfo { merged[key] = value }
                    next["additional_info"] = .object(merged)
                }
                next["updated_time"] = .string(now.iso8601)
                return next
            }) else { throw notFound(message: id) }
            return .json(result.json())
        }

        routes.add("GET", "\(base)/message/{message_id}/traces", query: ["max_results", "next_token"]) { request in
            try await requireMemory()
            let id = request.parameter("message_id")
            let (from, size) = try paging(request, .traces)
            _ = try await storedMessage(id, request, emulator)
            try checkWindow(from: from, size: size, index: messageIndex, emulator)
            var traces = try await emulator.documents.documents(messageIndex, where: "parent_message_id", equals: id)
                .filter { ($0.source["trace_number"] ?? .null) != .null }
            traces.sort {
                ($0.source["trace_number"]?.numberValue?.doubleValue ?? 0) < ($1.source["trace_number"]?.numberValue?.doubleValue ?? 0)
            }
            let page = Array(traces.dropFirst(from).prefix(size))
            var body: JSONObject = ["traces": .array(page.map { .object(ConversationMemory.messageView(id: $0.id, source: $0.source)) })]
            if page.count == size { body["next_token"] = (from + size).json }
            return .json(.object(body))
        }
    }

    /// The memory, when the request's user may use it (everyone without the security plugin).
    static func storedMemory(_ id: String, _ request: RESTRequest, _ emulator: Emulator) async throws -> StoredDocument {
        try await emulator.conversations.accessibleMemory(id, user: request.user?.name)
    }

    /// The message, when the request's user may use its memory.
    static func storedMessage(_ id: String, _ request: RESTRequest, _ emulator: Emulator) async throws -> StoredDocument {
        guard let message = try await emulator.documents.document(messageIndex, id: id) else { throw notFound(message: id) }
        if let user = request.user?.name {
            let memoryID = message.source["memory_id"]?.stringValue ?? ""
            let memory = try await emulator.documents.document(metaIndex, id: memoryID)
            if !(memory.map { ConversationMemory.isAccessible($0.source, to: user) } ?? false) {
                throw ConversationMemory.noAccess(user: user, message: id)
            }
        }
        return message
    }

    static func notFound(memory id: String) -> OpenSearchError { .resourceNotFound("Memory [\(id)] not found") }
    static func notFound(message id: String) -> OpenSearchError { .resourceNotFound("Message [\(id)] not found") }

    /// Memory request fields are read with `parser.text()` into `String` casts: a number is a cast failure.
    static func memoryString(_ fields: RequestObject, _ key: String) throws(OpenSearchError) -> String? {
        guard let value = fields.object[key] else { return nil }
        switch value {
        case .null: return nil
        case .string(let text): return text
        case .number(let number):
            let javaClass = number.isIntegerLiteral ? "java.lang.Integer" : "java.lang.Double"
            throw OpenSearchError(
                "OpenSearchParseException",
                reason: "class \(javaClass) cannot be cast to class java.lang.String (\(javaClass) and java.lang.String are in module java.base of loader 'bootstrap')",
                status: 400)
        default: return try fields.string(key)
        }
    }

    /// Which list a paging request reads; each parses and validates its parameters its own way.
    enum Listing {
        case memories, messages, traces

        /// What `validate()` says of a non-positive `max_results`.
        var sizeMessage: String {
            switch self {
            case .memories: return "Can't list 0 or negative conversations"
            case .messages: return "The number of interactions to retrieve must be positive"
            case .traces: return "The number of traces to retrieve must be positive"
            }
        }
    }

    /// `max_results` and `next_token` as the `Get*Request.fromRestRequest` methods read them (`Integer.parseInt`,
    /// conversations reading `max_results` first), then their `validate()` checks.
    static func paging(_ request: RESTRequest, _ listing: Listing) throws(OpenSearchError) -> (from: Int, size: Int) {
        func read(_ key: String, default value: Int) throws(OpenSearchError) -> Int {
            try request.query[key].map { text throws(OpenSearchError) in try JavaInt.parse(text) } ?? value
        }
        let size: Int
        let from: Int
        if listing == .memories {
            size = try read("max_results", default: 10)
            from = try read("next_token", default: 0)
        } else {
            from = try read("next_token", default: 0)
            size = try read("max_results", default: 10)
        }
        var failures: [String] = []
        if size <= 0 { failures.append(listing.sizeMessage) }
        if listing != .memories, from < 0 { failures.append("The starting position must be nonnegative") }
        guard failures.isEmpty else { throw .validationFailed(failures) }
        return (from, size)
    }

    /// The search behind a listing: `SearchSourceBuilder` refuses a negative `from`, and every shard fails when
    /// the page lies past `index.max_result_window`.
    static func checkWindow(from: Int, size: Int, index: String, _ emulator: Emulator) throws(OpenSearchError) {
        var search = SearchRequest()
        try search.setFrom(from)
        try search.setSize(size)
        do {
            try search.checkResultWindow()
        } catch {
            throw .allShardsFailed(index: index, nodeID: emulator.node.nodeID, failure: error)
        }
    }

    static func time(_ value: JSONValue?) -> InstantTime {
        value?.stringValue.flatMap(InstantTime.init(iso8601:)) ?? InstantTime(seconds: 0, nanoseconds: 0)
    }

    static func requireFeature(_ emulator: Emulator) async throws(OpenSearchError) {
        try await emulator.require(
            MLCommonsSettings.memoryFeatureEnabled,
            else: OpenSearchError(
                "OpenSearchException",
                reason: "The Conversation Memory feature is not enabled. To enable, please update the setting plugins.ml_commons.memory_feature_enabled",
                status: 500))
    }
}
