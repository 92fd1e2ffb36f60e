import MLCommonsCore

extension MockLLMConversation {
    /// Reads a Gemini `generateContent` body for `model` (taken from the path).
    init(geminiBody body: [UInt8], model: String, isStream: Bool) throws(MockLLMRequestError) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(body)
        } catch {
            throw MockLLMRequestError(message: "Invalid JSON payload received. \(error.message)")
        }
        guard case .object(let request) = json else {
            throw MockLLMRequestError(message: "Invalid JSON payload received. Expected an object.")
        }
        self.init(model: model)
        self.isStream = isStream
        for part in request["systemInstruction"]?["parts"]?.arrayValue ?? [] {
            inputTokens += MockLLMTokenizer.count(part["text"]?.stringValue ?? "")
        }
        for content in request["contents"]?.arrayValue ?? [] {
            var texts: [String] = []
            for part in content["parts"]?.arrayValue ?? [] {
                if let text = part["text"]?.stringValue {
                    texts.append(text)
                    inputTokens += MockLLMTokenizer.count(text)
                } else if let response = part["functionResponse"]?["response"] {
                    let text = response["text"]?.stringValue ?? response["content"]?.stringValue ?? response.compactText
                    toolResults.append(text)
                    inputTokens += MockLLMTokenizer.count(text)
                }
            }
            if (content["role"]?.stringValue ?? "user") == "user", !texts.isEmpty {
                lastUserMessage = texts.joined(separator: "\n")
            }
        }
        offeredTools = (request["tools"]?.arrayValue ?? []).flatMap { tool in
            (tool["functionDeclarations"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        }
    }
}
