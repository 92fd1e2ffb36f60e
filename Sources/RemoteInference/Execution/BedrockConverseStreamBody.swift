import MLCommonsCore

/// The ConverseStream request ml-commons builds from a rendered Converse payload
/// (`BedrockStreamingHandler`): `system` texts, `messages` and `toolConfig`; other fields are dropped.
struct BedrockConverseStreamBody {
    let json: JSONValue

    init(payload: String) throws(OpenSearchError) {
        guard case .object(let object)? = try? JSONParser.parse(payload) else {
            throw .illegalArgument("Invalid payload: \(payload)")
        }
        var body = JSONObject()
        body["messages"] = .array((object["messages"]?.arrayValue ?? []).map(Self.message))
        let systemTexts = Self.texts(in: object["system"] ?? .null)
        if !systemTexts.isEmpty { body["system"] = .array(systemTexts.map { ["text": .string($0)] }) }
        if case .object(let toolConfig)? = object["toolConfig"] { body["toolConfig"] = .object(toolConfig) }
        json = .object(body)
    }

    /// A message as the SDK request holds it: role (default `assistant`) and the content blocks the
    /// handler understands (`text`, `toolResult`, `toolUse`); other fields of an item are dropped.
    private static func message(_ value: JSONValue) -> JSONValue {
        let message = value.objectValue ?? JSONObject()
        let content = (message["content"]?.arrayValue ?? []).compactMap(contentBlock)
        return ["role": message["role"] ?? "assistant", "content": .array(content)]
    }

    private static func contentBlock(_ item: JSONValue) -> JSONValue? {
        if let text = item["text"] { return ["text": text] }
        if let result = item["toolResult"] {
            let text = result["content"]?.arrayValue?.first?["text"] ?? ""
            return ["toolResult": ["toolUseId": result["toolUseId"] ?? .null, "content": [["text": text]]]]
        }
        if let use = item["toolUse"] {
            return ["toolUse": ["toolUseId": use["toolUseId"] ?? .null, "name": use["name"] ?? .null, "input": use["input"] ?? [:]]]
        }
        return nil
    }

    /// Every `"text"` value found under a node.
    private static func texts(in value: JSONValue) -> [String] {
        switch value {
        case .object(let object):
            return object.flatMap { key, member in key == "text" ? member.stringValue.map { [$0] } ?? [] : texts(in: member) }
        case .array(let items): return items.flatMap(texts)
        default: return []
        }
    }
}
