/// A unified conversation in each provider's wire format (`ModelProvider.mapMessages` for `conversational_v2`)
/// and an answer read back into a message (`extractMessageFromResponse`, `parseToUnifiedMessage`).
/// Texts and data are escaped with `escapeJson`; formats, roles, ids and names go in as they are.
extension ModelProvider {
    /// `body`: every message, joined by commas, for the connector's `messages`/`contents` array.
    public func messagesBody(_ messages: [UnifiedMessage]) throws(OpenSearchError) -> String {
        switch self {
        case .bedrockConverse: return try bedrockMessages(messages).joined(separator: ",")
        case .openAIChatCompletions: return try messages.map { message throws(OpenSearchError) in try openAIMessage(message) }.joined(separator: ",")
        case .geminiGenerateContent: return messages.map(geminiMessage).joined(separator: ",")
        }
    }

    /// `mapAgentInput` for a V1 agent's `body`: text as one user message, blocks as one user message's content,
    /// messages mapped whole. A planner's text is the `${parameters.prompt}` each of its calls fills in.
    public func inputBody(_ input: AgentStandardInput, planner: Bool) throws(OpenSearchError) -> String {
        switch input {
        case .text(let text):
            return planner ? userText(Self.plannerPrompt) : textBody(text)
        case .contentBlocks(let blocks):
            let parts: [String]
            switch self {
            case .bedrockConverse: parts = try blocks.map { block throws(OpenSearchError) in try Self.bedrockBlock(block, planner: planner) }
            case .openAIChatCompletions: parts = try blocks.map { block throws(OpenSearchError) in try Self.openAIBlock(block, planner: planner) }
            case .geminiGenerateContent: parts = blocks.map { Self.geminiBlock($0, planner: planner) }
            }
            let key = self == .geminiGenerateContent ? "parts" : "content"
            return #"{"role":"user",""# + key + #"":["# + parts.joined(separator: ",") + "]}"
        case .messages(let messages):
            return try messagesBody(messages)
        }
    }

    static let plannerPrompt = "${parameters.prompt}"

    /// The answer's message (`extractAssistantMessage`): refused when the answer has none, or one with neither
    /// text nor tool calls.
    public func unifiedMessage(fromAnswer dataAsMap: JSONValue) throws(OpenSearchError) -> UnifiedMessage {
        let found: JSONObject?
        switch self {
        case .bedrockConverse: found = dataAsMap["output"]?["message"]?.objectValue
        case .openAIChatCompletions: found = dataAsMap["choices"]?.arrayValue?.first?["message"]?.objectValue
        case .geminiGenerateContent:
            throw OpenSearchError(
                "UnsupportedOperationException", reason: "parseToUnifiedMessage is not yet supported for Gemini model provider",
                status: 500)
        }
        guard let found else {
            throw .illegalState(
                "ModelProvider failed to extract message from response. Provider: \(javaName). This may indicate an unexpected response format.")
        }
        let message = self == .bedrockConverse ? Self.bedrockMessage(found) : Self.openAIMessage(found)
        guard let message else {
            throw .illegalState(
                "ModelProvider failed to parse message JSON. Provider: \(javaName). This may indicate an unexpected message format.")
        }
        return message
    }

    /// The provider class ml-commons names in its errors.
    private var javaName: String {
        switch self {
        case .openAIChatCompletions: "OpenaiV1ChatCompletionsModelProvider"
        case .bedrockConverse: "BedrockConverseModelProvider"
        case .geminiGenerateContent: "GeminiV1BetaGenerateContentModelProvider"
        }
    }

    /// The tool results of one turn as messages (`supply` read back): OpenAI one per call, its text or nothing;
    /// Bedrock one for the turn, a text per result and the last call's id, nil when no result has text.
    public func toolResultMessages(_ results: [(callID: String, text: String?)]) -> [UnifiedMessage] {
        switch self {
        case .openAIChatCompletions:
            return results.map { result in
                let text = result.text.flatMap { $0.isEmpty ? nil : $0 }
                return UnifiedMessage(role: "tool", content: text.map { [ContentBlock(text: $0)] }, toolCallID: result.callID)
            }
        case .bedrockConverse, .geminiGenerateContent:
            let texts = results.compactMap(\.text)
            guard !texts.isEmpty, let last = results.last else { return [] }
            return [UnifiedMessage(role: "tool", content: texts.map(ContentBlock.init(text:)), toolCallID: last.callID)]
        }
    }

    // MARK: Bedrock Converse

    private func bedrockMessages(_ messages: [UnifiedMessage]) throws(OpenSearchError) -> [String] {
        var out: [String] = []
        var pendingResults: [String] = []
        func flushResults() {
            guard !pendingResults.isEmpty else { return }
            out.append(#"{"role":"user","content":["# + pendingResults.joined(separator: ",") + "]}")
            pendingResults = []
        }
        for message in messages {
            if message.role?.lowercased() == "tool" {
                let text = JSONEscaping.escapeJson(message.texts.first ?? "")
                pendingResults.append(#"{"toolResult":{"toolUseId":"\#(message.toolCallID ?? "")","content":[{"text":"\#(text)"}]}}"#)
                continue
            }
            flushResults()
            var parts = try (message.content ?? []).map { block throws(OpenSearchError) in try Self.bedrockBlock(block, planner: false) }
            for call in message.toolCalls ?? [] {
                let input = call.arguments.isJavaBlank ? "{}" : call.arguments
                parts.append(#"{"toolUse":{"toolUseId":"\#(call.id)","name":"\#(call.name)","input":\#(input)}}"#)
            }
            out.append(#"{"role":"\#(message.role ?? "null")","content":["# + parts.joined(separator: ",") + "]}")
        }
        flushResults()
        return out
    }

    private static func bedrockBlock(_ block: ContentBlock, planner: Bool) throws(OpenSearchError) -> String {
        guard let source = block.source, block.kind != .text else { return #"{"text":"\#(text(of: block, planner: planner))"}"# }
        let location: String
        switch source.type {
        case "URL":
            guard source.data.hasPrefix("s3://") else {
                throw .illegalArgument(
                    "URL-based content must use S3 URIs (s3://...). Other URL schemes are not supported by Bedrock Converse API")
            }
            location = #"{"s3Location":"\#(JSONEscaping.escapeJson(source.data))"}"#
        default:
            location = #"{"bytes":"\#(JSONEscaping.escapeJson(source.data))"}"#
        }
        let name = block.kind == .document ? #","name":"document""# : ""
        return #"{"\#(block.kind.field)":{"format":"\#(source.format)"\#(name),"source":\#(location)}}"#
    }

    private static func bedrockMessage(_ message: JSONObject) -> UnifiedMessage? {
        var role = message["role"]?.stringValue ?? "assistant"
        var texts: [ContentBlock] = []
        var calls: [UnifiedMessage.ToolCall] = []
        var toolCallID: String?
        for item in message["content"]?.arrayValue ?? [] {
            if let text = item["text"] {
                texts.append(ContentBlock(text: text.javaToString))
            } else if let use = item["toolUse"] {
                let input = use["input"].map { $0.gsonNormalized.compactText } ?? "{}"
                calls.append(.init(id: use["toolUseId"]?.stringValue ?? "", name: use["name"]?.stringValue ?? "", arguments: input))
            } else if let result = item["toolResult"] {
                role = "tool"
                toolCallID = result["toolUseId"]?.stringValue
                let joined = (result["content"]?.arrayValue ?? []).compactMap { $0["text"]?.javaToString }.joined()
                texts.append(ContentBlock(text: joined))
            }
        }
        guard !texts.isEmpty || !calls.isEmpty else { return nil }
        return UnifiedMessage(role: role, content: texts.isEmpty ? nil : texts, toolCalls: calls.isEmpty ? nil : calls, toolCallID: toolCallID)
    }

    // MARK: OpenAI Chat Completions

    private func openAIMessage(_ message: UnifiedMessage) throws(OpenSearchError) -> String {
        let blocks = try (message.content ?? []).map { block throws(OpenSearchError) in try Self.openAIBlock(block, planner: false) }
        var text = #"{"role":"\#(message.role ?? "null")","content":["# + blocks.joined(separator: ",") + "]"
        let role = message.role?.lowercased()
        if role == "assistant", let calls = message.toolCalls, !calls.isEmpty {
            let rendered = calls.map { call in
                #"{"id":"\#(call.id)","type":"\#(call.type)","function":{"name":"\#(call.name)","arguments":"\#(JSONEscaping.escapeJson(call.arguments))"}}"#
            }
            text += #","tool_calls":["# + rendered.joined(separator: ",") + "]"
        } else if role == "tool", let id = message.toolCallID {
            text += #","tool_call_id":"\#(id)""#
        }
        return text + "}"
    }

    private static func openAIBlock(_ block: ContentBlock, planner: Bool) throws(OpenSearchError) -> String {
        switch block.kind {
        case .text:
            return #"{"type":"text","text":"\#(text(of: block, planner: planner))"}"#
        case .image:
            let source = block.source
            let url = source?.type == "URL"
                ? JSONEscaping.escapeJson(source?.data ?? "")
                : "data:image/\(source?.format ?? "");base64,\(JSONEscaping.escapeJson(source?.data ?? ""))"
            return #"{"type":"image_url","image_url":{"url":"\#(url)"}}"#
        case .video: throw .illegalArgument("Video content is not supported in OpenAI Chat Completions API. ")
        case .document: throw .illegalArgument("Document content is not supported in OpenAI Chat Completions API. ")
        }
    }

    private static func openAIMessage(_ message: JSONObject) -> UnifiedMessage? {
        let text = message["content"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let calls = message["tool_calls"]?.arrayValue?.map { call in
            UnifiedMessage.ToolCall(
                id: call["id"]?.stringValue ?? "", type: call["type"]?.stringValue ?? "function",
                name: call["function"]?["name"]?.stringValue ?? "", arguments: call["function"]?["arguments"]?.stringValue ?? "{}")
        }
        let toolCallID = message["tool_call_id"]?.stringValue
        guard text != nil || !(calls ?? []).isEmpty || toolCallID != nil else { return nil }
        return UnifiedMessage(
            role: message["role"]?.stringValue ?? "assistant", content: text.map { [ContentBlock(text: $0)] },
            toolCalls: (calls ?? []).isEmpty ? nil : calls, toolCallID: toolCallID)
    }

    // MARK: Gemini

    private func geminiMessage(_ message: UnifiedMessage) -> String {
        let parts = (message.content ?? []).map { Self.geminiBlock($0, planner: false) }
        let role = message.role == "user" ? "user" : "model"
        return #"{"role":"\#(role)","parts":["# + parts.joined(separator: ",") + "]}"
    }

    private static func geminiBlock(_ block: ContentBlock, planner: Bool) -> String {
        guard let source = block.source, block.kind != .text else { return #"{"text":"\#(text(of: block, planner: planner))"}"# }
        let data = JSONEscaping.escapeJson(source.data)
        switch (block.kind, source.type) {
        case (.image, "URL"): return #"{"fileData":{"mimeType":"image/\#(source.format)","fileUri":"\#(data)"}}"#
        case (.image, _): return #"{"inlineData":{"mimeType":"image/\#(source.format)","data":"\#(data)"}}"#
        case (.video, _): return #"{"fileData":{"mimeType":"video/\#(source.format)","fileUri":"\#(data)"}}"#
        default: return #"{"fileData":{"mimeType":"\#(source.format)","fileUri":"\#(data)"}}"#
        }
    }

    /// A text block's escaped text (a planner's prompt placeholder); a block without text leaves its template variable
    /// unfilled, as ml-commons does.
    private static func text(of block: ContentBlock, planner: Bool) -> String {
        if planner { return plannerPrompt }
        return block.text.map(JSONEscaping.escapeJson) ?? "${parameters.content_text}"
    }
}
