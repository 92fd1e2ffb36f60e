/// `AgentInput`'s array parsing (3.5+): each item a message (it has a `role`) or a content block (a `type`),
/// checked as it is read.
extension UnifiedMessage {
    /// One item of an `input` array.
    enum InputItem {
        case message(UnifiedMessage)
        case block(ContentBlock)

        var javaClass: String {
            switch self {
            case .message: "Message"
            case .block: "ContentBlock"
            }
        }
    }

    /// `parseArrayItem`: the item's fields, then what they make.
    static func inputItem(_ value: JSONValue, profile: VersionProfile) throws(OpenSearchError) -> InputItem {
        guard let object = value.objectValue else { throw RequestObject.tokenMismatch(expected: "START_OBJECT", found: value) }
        let fields = RequestObject(object)
        var content: [ContentBlock]?
        if let items = object["content"] {
            guard let items = items.arrayValue else { throw RequestObject.tokenMismatch(expected: "START_ARRAY", found: items) }
            var blocks: [ContentBlock] = []
            for (index, item) in items.enumerated() {
                guard case .block(let block) = try inputItem(item, profile: profile) else {
                    throw .illegalArgument("Invalid content array. Expected ContentBlock at index \(index) but found Message")
                }
                blocks.append(block)
            }
            content = blocks
        }
        let toolCalls = try object["toolCalls"].map { value throws(OpenSearchError) in try parseToolCalls(value) }
        if object["role"] != nil {
            return .message(UnifiedMessage(
                role: try fields.string("role"), content: content, toolCalls: toolCalls, toolCallID: try fields.string("toolCallId")))
        }
        guard let type = try fields.string("type") else {
            throw .illegalArgument("Invalid item format. Must have 'role' (for messages) or 'type' (for content blocks).")
        }
        return .block(try block(type: type, text: try fields.string("text"), source: try fields.object("source"), profile: profile))
    }

    /// `createContentBlock`: a text, or media whose source has a format, a type and data.
    private static func block(type: String, text: String?, source object: JSONObject?, profile: VersionProfile) throws(OpenSearchError) -> ContentBlock {
        guard let kind = ContentBlock.Kind(rawValue: type.uppercased()) else {
            throw .illegalArgument("No enum constant org.opensearch.ml.common.input.execute.agent.ContentType.\(type.uppercased())")
        }
        guard kind != .text else { return ContentBlock(kind: .text, text: text) }
        guard let object else { throw .illegalArgument("\(kind.label) source cannot be null") }
        let source = RequestObject(object)
        guard let format = try source.string("format"), !format.isJavaBlank else { throw .illegalArgument("\(kind.label) format is required") }
        guard let sourceType = try source.string("type"), !sourceType.isJavaBlank else { throw .illegalArgument("\(kind.label) source type is required") }
        guard let data = try source.string("data"), !data.isJavaBlank else { throw .illegalArgument("\(kind.label) data is required") }
        guard ["BASE64", "URL"].contains(sourceType.uppercased()) else {
            throw .illegalArgument("Invalid source type. Supported types: \(profile.unifiedInputSourceTypeNames)")
        }
        return ContentBlock(kind: kind, source: .init(type: sourceType.uppercased(), format: format, data: data))
    }

    /// `parseToolCallsArray`: `{id, type, function: {name, arguments}}`, the type `function` unless given.
    private static func parseToolCalls(_ value: JSONValue) throws(OpenSearchError) -> [ToolCall] {
        guard let items = value.arrayValue else { throw RequestObject.tokenMismatch(expected: "START_ARRAY", found: value) }
        return try items.map { item throws(OpenSearchError) -> ToolCall in
            let call = try RequestObject(item)
            guard let id = try call.string("id"), let function = try call.object("function").map(RequestObject.init) else {
                throw .illegalArgument("ToolCall must have 'id' and 'function' fields")
            }
            guard let name = try function.string("name"), let arguments = try function.string("arguments") else {
                throw .illegalArgument("ToolFunction must have 'name' and 'arguments' fields")
            }
            return ToolCall(id: id, type: try call.string("type") ?? "function", name: name, arguments: arguments)
        }
    }
}
