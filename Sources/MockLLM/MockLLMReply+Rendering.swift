import MLCommonsCore

extension MockLLMReply {
    /// The reply with every placeholder filled from `conversation`.
    func answer(for conversation: MockLLMConversation) -> MockLLMAnswer {
        switch self {
        case .text(let template):
            return .text(template.rendered(for: conversation))
        case .toolCall(let name, let arguments):
            return .toolCall(name: name, arguments: Self.rendered(arguments, for: conversation))
        }
    }

    private static func rendered(_ value: JSONValue, for conversation: MockLLMConversation) -> JSONValue {
        switch value {
        case .string(let text):
            // Strings were validated when the script was read, so parsing cannot fail here.
            guard let template = try? MockLLMTemplate(text) else { return value }
            return .string(template.rendered(for: conversation))
        case .array(let elements):
            return .array(elements.map { rendered($0, for: conversation) })
        case .object(let object):
            return .object(JSONObject(object.map { ($0.key, rendered($0.value, for: conversation)) }))
        default:
            return value
        }
    }
}
