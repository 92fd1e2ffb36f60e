import MLCommonsCore

extension MockLLMScript {
    /// Reads a script:
    ///
    /// ```json
    /// {"rules": [{"name": "…",
    ///             "match": {"model": "gpt-*", "last_user_message": "regex", "tools_offered": ["T"], "tool_result_present": false},
    ///             "reply": {"text": "… {{last_user_message}} …"} | {"tool_call": {"name": "T", "arguments": {}}},
    ///             "pacing": {"time_to_first_token_ms": 0, "delay_between_tokens_ms": 0, "tokens_per_chunk": 1},
    ///             "fault": {"type": "http_error" | "rate_limit" | "close_mid_stream" | "malformed_chunk" | "no_answer", …}}],
    ///  "default": {"reply": …, "pacing": …, "fault": …}}
    /// ```
    ///
    /// Every key is optional; `description` and keys starting with `_` are comments. Unknown keys,
    /// bad regular expressions and unknown placeholders are errors that name their location.
    public init(json: JSONValue) throws(MockLLMScriptError) {
        let root = try MockLLMScriptNode(value: json, path: "$").members(allowing: ["description", "rules", "default"])
        var rules: [MockLLMRule] = []
        for node in try root["rules"]?.elements() ?? [] {
            rules.append(try Self.rule(node))
        }
        var fallback = MockLLMBehaviour()
        if let node = root["default"] {
            let members = try node.members(allowing: ["description", "reply", "pacing", "fault"])
            fallback = try Self.behaviour(members)
        }
        self.init(rules: rules, fallback: fallback)
    }

    /// Reads a script from JSON text.
    public init(text: String) throws(MockLLMScriptError) {
        try self.init(bytes: Array(text.utf8))
    }

    /// Reads a script from JSON bytes, such as the contents of `fixtures/mock-llm/example.json`.
    public init(bytes: some Collection<UInt8>) throws(MockLLMScriptError) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw MockLLMScriptError(path: "$", message: "not valid JSON: \(error.message) (line \(error.line), column \(error.column))")
        }
        try self.init(json: json)
    }

    private static func rule(_ node: MockLLMScriptNode) throws(MockLLMScriptError) -> MockLLMRule {
        let members = try node.members(allowing: ["name", "description", "match", "reply", "pacing", "fault"])
        let name = try members["name"]?.string()
        let match = try members["match"].map { (node) throws(MockLLMScriptError) in try Self.match(node) } ?? MockLLMMatch()
        return MockLLMRule(name: name, match: match, behaviour: try behaviour(members))
    }

    private static func behaviour(_ members: [String: MockLLMScriptNode]) throws(MockLLMScriptError) -> MockLLMBehaviour {
        var behaviour = MockLLMBehaviour()
        if let node = members["reply"] { behaviour.reply = try reply(node) }
        if let node = members["pacing"] { behaviour.pacing = try pacing(node) }
        if let node = members["fault"] { behaviour.fault = try fault(node) }
        return behaviour
    }

    private static func match(_ node: MockLLMScriptNode) throws(MockLLMScriptError) -> MockLLMMatch {
        let members = try node.members(allowing: ["model", "last_user_message", "tools_offered", "tool_result_present"])
        var match = MockLLMMatch()
        match.model = try members["model"]?.string()
        if let patternNode = members["last_user_message"] {
            do {
                match.lastUserMessage = try MockLLMTextPattern(patternNode.string())
            } catch {
                throw patternNode.failure(error.message)
            }
        }
        if let toolsNode = members["tools_offered"] {
            var names: [String] = []
            for element in try toolsNode.elements() { names.append(try element.string()) }
            match.toolsOffered = names
        }
        match.toolResultPresent = try members["tool_result_present"]?.bool()
        return match
    }

    private static func reply(_ node: MockLLMScriptNode) throws(MockLLMScriptError) -> MockLLMReply {
        let members = try node.members(allowing: ["text", "tool_call"])
        switch (members["text"], members["tool_call"]) {
        case (let textNode?, nil):
            return .text(try template(textNode))
        case (nil, let callNode?):
            let call = try callNode.members(allowing: ["name", "arguments"])
            guard let nameNode = call["name"] else { throw callNode.failure("a tool call needs a \"name\"") }
            let arguments = call["arguments"]?.value ?? .object(JSONObject())
            if let argumentsNode = call["arguments"] {
                guard case .object = arguments else { throw argumentsNode.failure("expected an object of tool arguments") }
                try validatePlaceholders(in: argumentsNode)
            }
            return .toolCall(name: try nameNode.string(), arguments: arguments)
        default:
            throw node.failure("a reply needs exactly one of \"text\" or \"tool_call\"")
        }
    }

    private static func template(_ node: MockLLMScriptNode) throws(MockLLMScriptError) -> MockLLMTemplate {
        do {
            return try MockLLMTemplate(node.string())
        } catch {
            throw node.failure(error.message)
        }
    }

    /// Checks the placeholders of every string inside tool-call arguments.
    private static func validatePlaceholders(in node: MockLLMScriptNode) throws(MockLLMScriptError) {
        switch node.value {
        case .string:
            _ = try template(node)
        case .array:
            for element in try node.elements() { try validatePlaceholders(in: element) }
        case .object(let object):
            for (key, member) in object {
                try validatePlaceholders(in: MockLLMScriptNode(value: member, path: "\(node.path).\(key)"))
            }
        default:
            break
        }
    }

    private static func pacing(_ node: MockLLMScriptNode) throws(MockLLMScriptError) -> MockLLMPacing {
        let members = try node.members(allowing: ["time_to_first_token_ms", "delay_between_tokens_ms", "tokens_per_chunk"])
        let day = 86_400_000
        return MockLLMPacing(
            timeToFirstToken: .milliseconds(try members["time_to_first_token_ms"]?.integer(in: 0...day) ?? 0),
            delayBetweenTokens: .milliseconds(try members["delay_between_tokens_ms"]?.integer(in: 0...day) ?? 0),
            tokensPerChunk: try members["tokens_per_chunk"]?.integer(in: 1...1_000_000) ?? 1
        )
    }

    private static func fault(_ node: MockLLMScriptNode) throws(MockLLMScriptError) -> MockLLMFault {
        guard let typeNode = try node.members(allowing: ["type", "status", "body", "after_chunks"])["type"] else {
            throw node.failure("a fault needs a \"type\"")
        }
        let type = try typeNode.string()
        switch type {
        case "http_error":
            let members = try node.members(allowing: ["type", "status", "body"])
            let status = try members["status"]?.integer(in: 400...599) ?? 500
            var body: String?
            if let bodyNode = members["body"] {
                // A JSON body may be written inline rather than as an escaped string.
                body = bodyNode.value.stringValue ?? bodyNode.value.compactText
            }
            return .httpError(status: status, body: body)
        case "rate_limit":
            let members = try node.members(allowing: ["type", "after_chunks"])
            return .rateLimit(afterChunks: try members["after_chunks"]?.integer(in: 0...Int.max))
        case "close_mid_stream", "malformed_chunk", "no_answer":
            let members = try node.members(allowing: ["type", "after_chunks"])
            let afterChunks = try members["after_chunks"]?.integer(in: 0...Int.max) ?? 0
            switch type {
            case "close_mid_stream": return .closeMidStream(afterChunks: afterChunks)
            case "malformed_chunk": return .malformedChunk(afterChunks: afterChunks)
            default: return .noAnswer(afterChunks: afterChunks)
            }
        default:
            throw typeNode.failure(
                "unknown fault type \"\(type)\"; expected http_error, rate_limit, close_mid_stream, malformed_chunk or no_answer")
        }
    }
}
