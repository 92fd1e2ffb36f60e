import MLCommonsCore

extension MockLLMConversation {
    /// The message OpenAI answers for a body that is not JSON.
    static let openAIUnparseableBodyMessage = "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)"

    /// Reads an OpenAI chat-completions body; rejects what OpenAI rejects before generating.
    init(openAIBody body: [UInt8]) throws(MockLLMRequestError) {
        guard let json = try? JSONParser.parse(body), case .object(let request) = json else {
            throw MockLLMRequestError(message: Self.openAIUnparseableBodyMessage)
        }
        guard let model = request["model"]?.stringValue, !model.isEmpty else {
            throw MockLLMRequestError(message: "you must provide a model parameter")
        }
        guard let messages = request["messages"]?.arrayValue else {
            throw MockLLMRequestError(
                message: "Missing required parameter: 'messages'.", param: "messages", code: "missing_required_parameter")
        }
        self.init(model: model)
        isStream = request["stream"]?.boolValue == true
        includesStreamUsage = isStream && request["stream_options"]?["include_usage"]?.boolValue == true
        for message in messages {
            let text = Self.openAIText(of: message["content"])
            inputTokens += MockLLMTokenizer.count(text)
            switch message["role"]?.stringValue {
            case "user" where !text.isEmpty: lastUserMessage = text
            case "tool", "function": toolResults.append(text)
            default: break
            }
        }
        let tools = request["tools"]?.arrayValue?.compactMap { $0["function"]?["name"]?.stringValue } ?? []
        let functions = request["functions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        offeredTools = tools + functions
    }

    /// Message content as text: a string, or the `text` of each text part joined by newlines.
    private static func openAIText(of content: JSONValue?) -> String {
        switch content {
        case .string(let text)?:
            return text
        case .array(let parts)?:
            return parts.compactMap { part in
                part["type"]?.stringValue == "text" || part["type"] == nil ? part["text"]?.stringValue : nil
            }.joined(separator: "\n")
        default:
            return ""
        }
    }
}
