import MLCommonsCore

extension MockLLMConversation {
    /// Reads a Bedrock Converse / ConverseStream body for `modelID` (taken from the path).
    init(bedrockBody body: [UInt8], modelID: String, isStream: Bool) throws(MockLLMRequestError) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(body)
        } catch {
            throw MockLLMRequestError(message: "Malformed input request: \(error.message), please reformat your input and try again.")
        }
        guard case .object(let request) = json else {
            throw MockLLMRequestError(message: "Malformed input request: expected a JSON object, please reformat your input and try again.")
        }
        self.init(model: modelID)
        self.isStream = isStream
        for block in request["system"]?.arrayValue ?? [] {
            inputTokens += MockLLMTokenizer.count(block["text"]?.stringValue ?? "")
        }
        for message in request["messages"]?.arrayValue ?? [] {
            var texts: [String] = []
            for item in message["content"]?.arrayValue ?? [] {
                if let text = item["text"]?.stringValue {
                    texts.append(text)
                    inputTokens += MockLLMTokenizer.count(text)
                } else if let result = item["toolResult"] {
                    let text = Self.bedrockToolResultText(result)
                    toolResults.append(text)
                    inputTokens += MockLLMTokenizer.count(text)
                }
            }
            // Tool results travel in user turns without text; the question is the last turn that has text.
            if message["role"]?.stringValue == "user", !texts.isEmpty {
                lastUserMessage = texts.joined(separator: "\n")
            }
        }
        offeredTools = request["toolConfig"]?["tools"]?.arrayValue?.compactMap { $0["toolSpec"]?["name"]?.stringValue } ?? []
    }

    /// A `toolResult`'s content items as text (`text` verbatim, `json` as compact JSON), joined by newlines.
    private static func bedrockToolResultText(_ result: JSONValue) -> String {
        (result["content"]?.arrayValue ?? []).compactMap { item in
            item["text"]?.stringValue ?? item["json"]?.compactText
        }.joined(separator: "\n")
    }
}
