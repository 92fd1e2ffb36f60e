import MLCommonsCore

extension MockLLMScript {
    /// The script in the JSON form ``init(json:)`` reads (comments are not kept), e.g. for a control-plane `GET`.
    public var json: JSONValue {
        var root = JSONObject()
        root["rules"] = .array(rules.map(Self.json(rule:)))
        let fallbackJSON = Self.json(behaviour: fallback)
        if !fallbackJSON.isEmpty { root["default"] = .object(fallbackJSON) }
        return .object(root)
    }

    private static func json(rule: MockLLMRule) -> JSONValue {
        var object = JSONObject()
        if let name = rule.name { object["name"] = .string(name) }
        var match = JSONObject()
        if let model = rule.match.model { match["model"] = .string(model) }
        if let pattern = rule.match.lastUserMessage { match["last_user_message"] = .string(pattern.pattern) }
        if let tools = rule.match.toolsOffered { match["tools_offered"] = .array(tools.map(JSONValue.string)) }
        if let present = rule.match.toolResultPresent { match["tool_result_present"] = .bool(present) }
        if !match.isEmpty { object["match"] = .object(match) }
        for (key, value) in json(behaviour: rule.behaviour) { object[key] = value }
        return .object(object)
    }

    private static func json(behaviour: MockLLMBehaviour) -> JSONObject {
        var object = JSONObject()
        switch behaviour.reply {
        case .text(let template)?:
            object["reply"] = ["text": .string(template.source)]
        case .toolCall(let name, let arguments)?:
            object["reply"] = ["tool_call": ["name": .string(name), "arguments": arguments]]
        case nil:
            break
        }
        if let pacing = behaviour.pacing {
            object["pacing"] = [
                "time_to_first_token_ms": .number(JSONNumber(pacing.timeToFirstToken.wholeMilliseconds)),
                "delay_between_tokens_ms": .number(JSONNumber(pacing.delayBetweenTokens.wholeMilliseconds)),
                "tokens_per_chunk": .number(JSONNumber(pacing.tokensPerChunk)),
            ]
        }
        if let fault = behaviour.fault { object["fault"] = json(fault: fault) }
        return object
    }

    private static func json(fault: MockLLMFault) -> JSONValue {
        func afterChunks(_ type: String, _ count: Int) -> JSONValue {
            ["type": .string(type), "after_chunks": .number(JSONNumber(count))]
        }
        switch fault {
        case .httpError(let status, let body):
            var object: JSONObject = ["type": "http_error", "status": .number(JSONNumber(status))]
            if let body { object["body"] = .string(body) }
            return .object(object)
        case .rateLimit(let count?): return afterChunks("rate_limit", count)
        case .rateLimit(nil): return ["type": "rate_limit"]
        case .closeMidStream(let count): return afterChunks("close_mid_stream", count)
        case .malformedChunk(let count): return afterChunks("malformed_chunk", count)
        case .noAnswer(let count): return afterChunks("no_answer", count)
        }
    }
}
