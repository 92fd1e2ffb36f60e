import MLCommonsCore

/// What an agent run produced, before it is shaped into the execute API's output.
public struct AgentRunResult: Sendable {
    public var memoryID: String?
    public var parentInteractionID: String?
    public var finalAnswer: String?
    public var additionalInfo: JSONObject
    /// The `result` of each step for `verbose` output (LLM thought responses, tool outputs).
    public var steps: [String]
    /// Flow agents answer with their tools' tensors instead of a conversational response.
    public var toolResults: [JSONValue]
    /// The run's `token_usage` map when it was asked for (3.6+), the last tensor of the output.
    public var tokenUsage: JSONValue?
    /// A plan-execute-reflect run: its executor agent's memory and latest root interaction. Such a run answers
    /// with them and a `response` that has no `additional_info`.
    public var executor: ExecutorIDs?

    /// The executor agent's ids, each present once a step ran.
    public struct ExecutorIDs: Sendable {
        public var memoryID: String?
        public var parentInteractionID: String?
    }

    public init(
        memoryID: String? = nil, parentInteractionID: String? = nil, finalAnswer: String? = nil,
        additionalInfo: JSONObject = JSONObject(), steps: [String] = [], toolResults: [JSONValue] = []
    ) {
        self.memoryID = memoryID
        self.parentInteractionID = parentInteractionID
        self.finalAnswer = finalAnswer
        self.additionalInfo = additionalInfo
        self.steps = steps
        self.toolResults = toolResults
    }

    /// Adds a tool's output to `additional_info` under `<tool>.output` (`include_output_in_agent_response`).
    public mutating func appendToolOutput(_ output: String, of tool: String) {
        var outputs = additionalInfo["\(tool).output"]?.arrayValue ?? []
        outputs.append(.string(output))
        additionalInfo["\(tool).output"] = .array(outputs)
    }

    /// The execute API's `inference_results` (§4.9).
    public func output(verbose: Bool) -> JSONValue {
        var tensors: [JSONValue] = []
        if !toolResults.isEmpty {
            tensors = toolResults
        } else {
            if let memoryID { tensors.append(["name": "memory_id", "result": .string(memoryID)]) }
            if let parentInteractionID { tensors.append(["name": "parent_interaction_id", "result": .string(parentInteractionID)]) }
            if let executor {
                if let id = executor.memoryID, !id.isEmpty { tensors.append(["name": "executor_agent_memory_id", "result": .string(id)]) }
                if let id = executor.parentInteractionID, !id.isEmpty {
                    tensors.append(["name": "executor_agent_parent_interaction_id", "result": .string(id)])
                }
                tensors.append(["name": "response", "dataAsMap": ["response": .string(finalAnswer ?? "")]])
            } else if verbose {
                tensors += steps.map { ["name": "response", "result": .string($0)] }
                tensors.append(["name": "response", "result": .string(finalAnswer ?? "")])
            } else {
                tensors.append(["name": "response", "dataAsMap": ["response": .string(finalAnswer ?? ""), "additional_info": .object(additionalInfo)]])
            }
        }
        if let tokenUsage { tensors.append(["name": "token_usage", "dataAsMap": tokenUsage]) }
        return ["inference_results": [["output": .array(tensors)]]]
    }
}
