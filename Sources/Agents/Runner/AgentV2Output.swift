import MLCommonsCore

/// What a `conversational_v2` run answers (`AgentV2Output`): the execute API's whole body, not tensors.
public struct AgentV2Output: Sendable {
    /// `end_turn`, or `max_iterations` when the last allowed answer still asked for tools.
    public var stopReason: String
    public var message: UnifiedMessage
    /// The agentic-memory session the conversation is kept in.
    public var memoryID: String
    public var usage: TokenUsage?

    public init(stopReason: String, message: UnifiedMessage, memoryID: String, usage: TokenUsage?) {
        self.stopReason = stopReason
        self.message = message
        self.memoryID = memoryID
        self.usage = usage
    }

    /// `toXContent`: the message's text blocks only (`content` before `role`), and `metrics.total_usage` as a
    /// `HashMap` of camel-case counts, cache counts only when there were some.
    public var json: JSONObject {
        var message = JSONObject()
        let texts = (self.message.content ?? []).map { block -> JSONValue in
            block.kind == .text ? .object(block.text.map { ["text": .string($0)] } ?? [:]) : [:]
        }
        if !texts.isEmpty { message["content"] = .array(texts) }
        if let role = self.message.role { message["role"] = .string(role) }
        return [
            "stop_reason": .string(stopReason), "message": .object(message), "memory_id": .string(memoryID),
            "metrics": ["total_usage": .object(totalUsage)],
        ]
    }

    private var totalUsage: JSONObject {
        guard let usage else { return JSONObject() }
        func count(_ value: Int64?) -> JSONValue { value.map { .number(JSONNumber(text: String($0))) } ?? .null }
        var total: JSONObject = [
            "inputTokens": count(usage.inputTokens), "outputTokens": count(usage.outputTokens),
            "totalTokens": count(usage.totalTokens ?? usage.inputTokens.flatMap { input in usage.outputTokens.map { input &+ $0 } }),
        ]
        if let read = usage.cacheReadInputTokens, read > 0 { total["cacheReadInputTokens"] = count(read) }
        if let created = usage.cacheCreationInputTokens, created > 0 { total["cacheCreationInputTokens"] = count(created) }
        return JavaHashMapOrder.ordered(total)
    }
}
