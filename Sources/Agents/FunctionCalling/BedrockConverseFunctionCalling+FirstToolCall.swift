import MLCommonsCore

extension BedrockConverseFunctionCalling {
    /// `output.message.content`: the text blocks and the first `toolUse`.
    public func keepingFirstToolCall(_ dataAsMap: JSONValue) -> JSONValue {
        Self.keepingFirstCall(in: dataAsMap, at: ["output", "message", "content"]) { $0["toolUse"] != nil }
    }
}
