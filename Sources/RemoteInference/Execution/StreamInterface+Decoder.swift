extension StreamInterface {
    /// The decoder for this interface's streamed answers.
    public var decoder: any ProviderStreamDecoder.Type {
        switch self {
        case .openAIChatCompletions: OpenAIChatStreamDecoder.self
        case .bedrockConverseClaude: BedrockConverseStreamDecoder.self
        case .geminiGenerateContent: GeminiStreamDecoder.self
        }
    }
}
