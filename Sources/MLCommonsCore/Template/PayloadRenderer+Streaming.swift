extension PayloadRenderer {
    /// The `_llm_interface` whose streaming calls get `"stream": true` in the body.
    public static let openAIChatCompletionsInterface = "openai/v1/chat/completions"

    /// `neededStreamParameterInPayload`: a `stream` parameter is present and `_llm_interface`, trimmed,
    /// lower-cased and Java-unescaped (request values arrive `escapeJson`'d, `/` as `\/`), is OpenAI chat.
    public static func needsStreamFlag(_ parameters: [String: String]) -> Bool {
        guard parameters["stream"] != nil, let llmInterface = parameters["_llm_interface"],
            !llmInterface.allSatisfy(\.isJavaWhitespace)
        else { return false }
        let normalized = llmInterface.javaTrimmed.lowercased()
        // A malformed `\u` escape makes `unescapeJava` throw in ml-commons too; no flag is the closest outcome.
        return (try? JSONEscaping.unescapeJava(normalized)) == openAIChatCompletionsInterface
    }

    /// The payload re-parsed by gson with `"stream": true` added (last, or in place if already there) and
    /// written back compactly by `JsonObject.toString()`: gson escaping, original number text.
    public static func addingStreamFlag(to payload: String, parsed plain: JSONValue? = nil) throws(OpenSearchError) -> String {
        // Plain JSON reads the same through gson's lenient reader, which is only needed for the rest.
        guard let parsed = plain ?? GsonLenientParser.parse(payload) else {
            throw .illegalArgument("Invalid payload: \(payload)")
        }
        guard case .object(var object) = parsed else {
            throw .illegalState("Not a JSON Object: \(parsed.gsonText)")
        }
        object["stream"] = .bool(true)
        return JSONValue.object(object).gsonText
    }
}
