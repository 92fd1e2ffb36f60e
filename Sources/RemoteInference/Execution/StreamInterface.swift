import MLCommonsCore

/// The streaming interfaces ml-commons 3.3 implements, chosen by `_llm_interface`.
public enum StreamInterface: String, Sendable {
    case openAIChatCompletions = "openai/v1/chat/completions"
    case bedrockConverseClaude = "bedrock/converse/claude"

    /// `invokeRemoteServiceStream`'s check: trimmed, lower-cased, Java-unescaped, and only the
    /// interface of the connector's protocol; any failure is ml-commons' generic streaming error.
    public init(parameters: [String: String], connectorProtocol: ConnectorProtocol?) throws(InferenceError) {
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
