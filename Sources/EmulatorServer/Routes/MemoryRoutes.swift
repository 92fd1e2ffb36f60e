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
                name: name, applicationType: applicationType, additionalInfo: additionalInfo)
            return .json(["memory_id": .string(id)])
        }

        routes.add("GET", base, query: ["max_results", "next_token"]) { request in
            try await requireMemory()
            let (from, size) = try paging(request)
            var memories = try await emulator.documents.documents(metaIndex)
            memories.sort { time($0.source["updated_time"]) > time($1.source["updated_time"]) }
            let page = Array(memories.dropFirst(from).prefix(size))
            var body: JSONObject = ["memories": .array(page.map { .object(ConversationMemory.metaView(id: $0.id, source: $0.source)) })]
            if page.count == size { body["next_token"] = (from + size).json }
            return .json(.object(body))
        }

        routes.addSearch("\(base)/_search", emulator: emulator, index: metaIndex, precondition: requireMemory)

        routes.add("GET", "\(base)/{memory_id}") { request in
            try await requireMemory()
            let memory = try await storedMemory(request.parameter("memory_id"), emulator)
            return .json(.object(ConversationMemory.metaView(id: memory.id, source: memory.source)))
        }

        routes.add("PUT", "\(base)/{memory_id}") { request in
            try await requireMemory()
            let id = request.parameter("memory_id")
            let fields = try RequestObject(try request.requiredJSONBody())
            let name = try memoryString(fields, "name")
            _ = try await storedMemory(id, emulator)
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
            _ = try await storedMemory(id, emulator)
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
            let traceNumber = try fields.int("trace_number")
            let blank: (String?) -> Bool = { $0?.trimmingWhitespace().isEmpty ?? true }
            if blank(input), blank(promptTemplate), blank(response), blank(origin), additionalInfo?.isEmpty ?? true {
                throw OpenSearchError.illegalArgument(
                    "At least one of the following parameters must be non-empty: input, prompt_template, response, origin, additional_info")
            }
            let id = try await emulator.conversations.createMessage(
                memoryID: memoryID, input: input, promptTemplate: promptTemplate, response: response, origin: origin,
                additionalInfo: additionalInfo, parentMessageID: parent, traceNumber: traceNumber)
            return .json(["message_id": .string(id)])
        }

        routes.add("GET", "\(base)/{memory_id}/messages", query: ["max_results", "next_token"]) { request in
            try await requireMemory()
            let memoryID = request.parameter("memory_id")
            let (from, size) = try paging(request)
            _ = try await storedMemory(memoryID, emulator)
            var messages = try await emulator.documents.documents(messageIndex, where: "memory_id", equals: memoryID)
                .filter { ($0.source["trace_number"] ?? .null) == .null }
            messages.sort { time($0.source["create_time"]) < time($1.source["create_time"]) }
            let page = Array(messages.dropFirst(from).prefix(size))
            var body: JSONObject = ["messages": .array(page.map { .object(ConversationMemory.messageView(id: $0.id, source: $0.source)) })]
            if page.count == size { body["next_token"] = (from + size).json }
            return .json(.object(body))
        }

        routes.addSearch(
            "\(base)/{memory_id}/_search", emulator: emulator, index: messageIndex, precondition: requireMemory,
            scope: { request in .term(field: "memory_id", value: .string(request.parameter("memory_id"))) })

        routes.add("GET", "\(base)/message/{message_id}") { request in
            try await requireMemory()
            let message = try await storedMessage(request.parameter("message_id"), emulator)
            return .json(.object(ConversationMemory.messageView(id: message.id, source: message.source)))
        }

        routes.add("PUT", "\(base)/message/{message_id}") { request in
            try await requireMemory()
            let id = request.parameter("message_id")
            let fields = try RequestObject(try request.requiredJSONBody())
            let additionalInfo = try fields.object("additional_info")
            _ = try await storedMessage(id, emulator)
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
            let (from, size) = try paging(request)
            _ = try await storedMessage(id, emulator)
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

    static func storedMemory(_ id: String, _ emulator: Emulator) async throws -> StoredDocument {
        guard let memory = try await emulator.documents.document(metaIndex, id: id) else { throw notFound(memory: id) }
        return memory
    }

    static func storedMessage(_ id: String, _ emulator: Emulator) async throws -> StoredDocument {
        guard let message = try await emulator.documents.document(messageIndex, id: id) else { throw notFound(message: id) }
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

    static func paging(_ request: RESTRequest) throws(OpenSearchError) -> (from: Int, size: Int) {
        let size = request.query["max_results"].flatMap { Int($0) } ?? 10
        let from = request.query["next_token"].flatMap { Int($0) } ?? 0
        if size <= 0 { throw .illegalArgument("maxResults must be positive") }
        return (from, size)
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
