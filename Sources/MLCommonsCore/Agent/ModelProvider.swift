/// The providers the unified agent API creates connectors for (`ModelProviderType`, 3.5+).
public enum ModelProvider: String, Sendable, CaseIterable {
    case openAIChatCompletions = "openai/v1/chat/completions"
    case bedrockConverse = "bedrock/converse"
    case geminiGenerateContent = "gemini/v1beta/generatecontent"

    /// Case-insensitive, as `ModelProviderType.from` matches.
    public init?(name: String) {
        guard let provider = Self.allCases.first(where: { $0.rawValue == name.lowercased() }) else { return nil }
        self = provider
    }

    /// `no_escape_params` of a mapped conversation: `body` holds JSON objects, not a string to escape.
    public static let mappedBodyNoEscapeParameters = "_chat_history,_tools,_interactions,tool_configs,body"

    /// The `_llm_interface` the agent is given (Bedrock's is Claude's).
    public var llmInterface: String {
        switch self {
        case .openAIChatCompletions: "openai/v1/chat/completions"
        case .bedrockConverse: "bedrock/converse/claude"
        case .geminiGenerateContent: "gemini/v1beta/generatecontent"
        }
    }

    /// `ModelProvider.validateModelParameters` and the connector's credential check.
    func validate(_ spec: AgentModelSpec) throws(OpenSearchError) {
        if let topP = spec.parameter("top_p"), Double(topP) == nil {
            throw .illegalArgument("top_p must be a valid number, got: \(topP)")
        }
        guard self == .bedrockConverse else { return }
        if spec.parameter("top_p") == nil, let temperature = spec.parameter("temperature"), Double(temperature) == nil {
            throw .illegalArgument("temperature must be a valid number, got: \(temperature)")
        }
        if spec.credential?["access_key"] == nil || spec.credential?["secret_key"] == nil {
            throw .illegalArgument("Missing credential")
        }
    }

    /// The user message a text input becomes (`mapTextInput`), the text JSON-escaped.
    public func textBody(_ text: String) -> String { userText(JSONEscaping.escapeJson(text)) }

    /// A user message around already escaped text.
    func userText(_ escaped: String) -> String {
        switch self {
        case .openAIChatCompletions: return #"{"role":"user","content":"\#(escaped)"}"#
        case .bedrockConverse: return #"{"role":"user","content":[{"text":"\#(escaped)"}]}"#
        case .geminiGenerateContent: return #"{"role":"user","parts":[{"text":"\#(escaped)"}]}"#
        }
    }
}
