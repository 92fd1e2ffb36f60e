import WireFormats
/// The provider operation a request path names.
enum MockLLMEndpoint: Sendable, Hashable {
    /// OpenAI `POST …/v1/chat/completions` (JSON, or SSE when the body says `"stream": true`).
    case openAIChatCompletions
    /// Bedrock `POST /model/{modelId}/converse`.
    case bedrockConverse(modelID: String)
    /// Bedrock `POST /model/{modelId}/converse-stream` (AWS event-stream).
    case bedrockConverseStream(modelID: String)
    /// Gemini `POST …/models/{model}:generateContent`, or `:streamGenerateContent` (SSE with `alt=sse`).
    case geminiGenerateContent(model: String, stream: Bool)

    /// Recognises the operation from the end of `path`, so any prefix (such as the emulator's control
    /// plane) is allowed in front; the model id is percent-decoded.
    init?(path: String) {
        if path.hasSuffix("/chat/completions") {
            self = .openAIChatCompletions
            return
        }
        // The method follows a colon, which signers and clients may send as `%3A`.
        if path.contains("/models/"), let encoded = path.split(separator: "/").last,
            case let last = String(decoding: SigV4PercentEncoding.decode(encoded), as: UTF8.self),
            let colon = last.lastIndex(of: ":")
        {
            let model = String(last[..<colon])
            switch last[last.index(after: colon)...] {
            case "generateContent": self = .geminiGenerateContent(model: model, stream: false)
            case "streamGenerateContent": self = .geminiGenerateContent(model: model, stream: true)
            default: return nil
            }
            return
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 3, segments[segments.count - 3] == "model", !segments[segments.count - 2].isEmpty else {
            return nil
        }
        let modelID = String(decoding: SigV4PercentEncoding.decode(segments[segments.count - 2]), as: UTF8.self)
        switch segments[segments.count - 1] {
        case "converse": self = .bedrockConverse(modelID: modelID)
        case "converse-stream": self = .bedrockConverseStream(modelID: modelID)
        default: return nil
        }
    }
}
