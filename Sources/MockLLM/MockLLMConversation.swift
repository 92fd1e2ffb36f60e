/// What the rules and reply templates look at, read from either provider's request body.
struct MockLLMConversation: Sendable, Hashable {
    /// The model id (OpenAI body `model`, Bedrock path model id).
    var model: String
    /// The text of the last user message that carries text.
    var lastUserMessage: String = ""
    /// Names of the tools offered to the model, in request order.
    var offeredTools: [String] = []
    /// Texts of the tool results in the conversation, oldest first.
    var toolResults: [String] = []
    /// Deterministic input token count (words of the system prompt, messages and tool results).
    var inputTokens: Int = 0
    /// Whether the answer is streamed.
    var isStream: Bool = false
    /// OpenAI `stream_options.include_usage`: a usage chunk ends the stream.
    var includesStreamUsage: Bool = false

    /// The latest tool result, or empty.
    var latestToolResult: String { toolResults.last ?? "" }
}
