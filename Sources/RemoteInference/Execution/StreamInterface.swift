import MLCommonsCore

/// The streaming interfaces ml-commons implements, chosen by `_llm_interface` (Gemini on `google_cloud` from 3.9).
public enum StreamInterface: String, Sendable {
    case openAIChatCompletions = "openai/v1/chat/completions"
    case bedrockConverseClaude = "bedrock/converse/claude"
    case geminiGenerateContent = "gemini/v1beta/generatecontent"

    /// `invokeRemoteServiceStream`'s check: trimmed, lower-cased, Java-unescaped, and only the
    /// interface of the connector's protocol; any failure is ml-commons' generic streaming error.
    public init(parameters: [String: String], connectorProtocol: ConnectorProtocol?) throws(InferenceError) {
        if connectorProtocol == .googleCloud {
            // `GoogleConnectorExecutor` takes Gemini only; any failure there is its own message.
            guard let raw = parameters["_llm_interface"],
                (try? JSONEscaping.unescapeJava(raw.trimmingWhitespace().lowercased())) == Self.geminiGenerateContent.rawValue
            else { throw InferenceError(message: "Fail to execute google_cloud streaming", javaClass: "MLException") }
            self = .geminiGenerateContent
            return
        }
        guard let raw = parameters["_llm_interface"],
            let unescaped = try? JSONEscaping.unescapeJava(raw.trimmingWhitespace().lowercased()),
            let interface = StreamInterface(rawValue: unescaped)
        else { throw InferenceError.streamingFailed }
        switch (connectorProtocol, interface) {
        case (.http?, .openAIChatCompletions), (.awsSigV4?, .bedrockConverseClaude): self = interface
        default: throw InferenceError.streamingFailed
        }
    }
}

extension InferenceError {
    /// `MLException("Fail to execute streaming", cause)`: the client sees only this message.
    public static let streamingFailed = InferenceError(message: "Fail to execute streaming", javaClass: "MLException")
}
