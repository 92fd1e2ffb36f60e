/// A block as agentic memory keeps it, inside a stored ``UnifiedMessage``.
extension ContentBlock {
    /// `{"type":"TEXT","text":…}` or `{"type":"IMAGE","image":{"type":"BASE64","format":…,"data":…}}`.
    var storedJSON: JSONObject {
        var object: JSONObject = ["type": .string(kind.rawValue)]
        if let text { object["text"] = .string(text) }
        if let source {
            object[kind.field] = ["type": .string(source.type), "format": .string(source.format), "data": .string(source.data)]
        }
        return object
    }

    init?(stored object: JSONObject) {
        guard let kind = object["type"]?.stringValue.flatMap(Kind.init(rawValue:)) else { return nil }
        self.kind = kind
        text = object["text"]?.stringValue
        if let media = object[kind.field]?.objectValue {
            source = Source(
                type: media["type"]?.stringValue ?? "", format: media["format"]?.stringValue ?? "",
                data: media["data"]?.stringValue ?? "")
        }
    }
}
