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

    /// A message with its role defaulted to `assistant`, as the handler defaults it.
    private static func message(_ value: JSONValue) -> JSONValue {
        var message = value.objectValue ?? JSONObject()
        if message["role"] == nil { message["role"] = "assistant" }
        return .object(message.ordered(by: ["role", "content"]))
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
