/// The unified API's top-level `input` of `_execute` (`AgentInput`, 3.5+): text, content blocks or messages.
public enum AgentStandardInput: Sendable, Hashable {
    case text(String)
    case contentBlocks([JSONObject])
    case messages([JSONObject])

    /// Reads `input`; the first item of an array decides whether it holds messages (`role`) or blocks (`type`).
    public init(parsing value: JSONValue) throws(OpenSearchError) {
        switch value {
        case .string(let text):
            self = .text(text)
        case .array(let items):
            var objects: [JSONObject] = []
            var isMessages: Bool?
            for (index, item) in items.enumerated() {
                guard let object = item.objectValue, object["role"] != nil || object["type"] != nil else {
                    throw .illegalArgument("Invalid item format. Must have 'role' (for messages) or 'type' (for content blocks).")
                }
                let isMessage = object["role"] != nil
                if let expected = isMessages, expected != isMessage {
                    let (want, found) = expected ? ("Messages", "ContentBlock") : ("ContentBlocks", "Message")
                    throw .illegalArgument(
                        "Mixed array types detected. Expected all items to be \(want), but item at index \(index) is of type \(found)")
                }
                isMessages = isMessage
                objects.append(object)
            }
            self = isMessages == false ? .contentBlocks(objects) : .messages(objects)
        default:
            throw .illegalArgument("Invalid input format. Expected string or array.")
        }
    }

    /// The `InputType` name ml-commons reports.
    public var typeName: String {
        switch self {
        case .text: "TEXT"
        case .contentBlocks: "CONTENT_BLOCKS"
        case .messages: "MESSAGES"
        }
    }
}
