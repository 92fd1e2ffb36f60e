import MLCommonsCore

/// How an `_llm_interface` exchanges tool calls with its model (`org.opensearch.ml.engine.function_calling`):
/// the parameters it injects into the agent's LLM request and how it reads calls and writes results.
public protocol FunctionCalling: Sendable {
    /// `configure(params)`: templates and paths the runner and the connector template use.
    func configure(_ parameters: inout [String: String])

    /// The tool calls of an LLM answer (`handle`): name, input (JSON text) and call id.
    func toolCalls(in dataAsMap: JSONValue) -> [ToolCallRequest]

    /// The message that returns a tool's result to the model (`supply`), as JSON text.
    func toolResultMessage(callID: String, result: String) -> String

    /// The tokens an answer reports (`extractTokenUsage`, 3.6+); nil when it has no `usage` object.
    func tokenUsage(in dataAsMap: JSONValue) -> TokenUsage?

    /// The answer with only its first tool call, as it is replayed to the model (`filterToFirstToolCall`, 3.5+).
    func keepingFirstToolCall(_ dataAsMap: JSONValue) -> JSONValue
}

extension FunctionCalling {
    /// OpenAI's answers are replayed as they came (it is asked for one call at a time).
    public func keepingFirstToolCall(_ dataAsMap: JSONValue) -> JSONValue { dataAsMap }

    /// The list at `path` with every item that is not a call, and only the first call; unchanged with one item or
    /// no call.
    static func keepingFirstCall(in dataAsMap: JSONValue, at path: [String], isCall: (JSONValue) -> Bool) -> JSONValue {
        guard let items = path.reduce(Optional(dataAsMap), { $0?[$1] })?.arrayValue, items.count > 1,
            items.contains(where: isCall)
        else { return dataAsMap }
        var seenCall = false
        let kept = items.filter { item in
            guard isCall(item) else { return true }
            defer { seenCall = true }
            return !seenCall
        }
        return dataAsMap.setting(.array(kept), at: path)
    }
}

/// One tool call the LLM asked for.
public struct ToolCallRequest: Sendable, Hashable {
    public var name: String
    public var input: String
    public var id: String
}

/// Builds the function calling of an `_llm_interface` (`FunctionCallingFactory`): nil when blank
/// (the ReAct prompt mode), an error for an unknown interface.
public enum FunctionCallingFactory {
    public static func make(
        _ llmInterface: String?, profile: VersionProfile = VersionProfile()
    ) throws(OpenSearchError) -> (any FunctionCalling)? {
        guard let llmInterface, !llmInterface.allSatisfy(\.isWhitespace) else { return nil }
        switch llmInterface.trimmingWhitespace().lowercased() {
        case "openai/v1/chat/completions": return OpenAIChatCompletionsFunctionCalling()
        case "bedrock/converse/claude": return BedrockConverseFunctionCalling()
        case "gemini/v1beta/generatecontent" where profile.geminiFunctionCalling: return GeminiGenerateContentFunctionCalling()
        default: throw .illegalArgument(profile.invalidLLMInterface(llmInterface))
        }
    }
}
