/// How a unified conversation meets `conversation_index` memory (`ConversationIndexMemory`, 3.6+): interactions read
/// back as text messages, a request's turns stored as question/answer pairs, and AG-UI's context in the last question.
extension UnifiedMessage {
    /// `getStructuredMessages`: each interaction's input as a user message and its response as an assistant message,
    /// each only when it is not blank.
    public static func fromInteractions(_ interactions: [(input: String?, response: String?)]) -> [UnifiedMessage] {
        interactions.flatMap { interaction -> [UnifiedMessage] in
            [("user", interaction.input), ("assistant", interaction.response)].compactMap { role, text in
                guard let text, !text.isJavaBlank else { return nil }
                return UnifiedMessage(role: role, content: [ContentBlock(text: text)])
            }
        }
    }

    /// `saveStructuredMessages`' reading of a request: tool results and assistant tool calls left out, text blocks
    /// kept; each earlier user turn with the assistant answer after it a pair (texts trimmed, joined by line feeds,
    /// both non-empty), and the last message's text the pending question when it is the user's.
    public static func conversationTurns(_ messages: [UnifiedMessage]) -> (pairs: [(question: String, response: String)], pending: String?) {
        let kept = messages.compactMap { message -> UnifiedMessage? in
            let role = message.role?.lowercased()
            if role == "tool" || (role == "assistant" && !(message.toolCalls ?? []).isEmpty) { return nil }
            guard let content = message.content else { return message }
            let texts = content.filter { $0.kind == .text }
            return texts.isEmpty ? nil : UnifiedMessage(role: message.role, content: texts)
        }
        // `extractMessagePairs` walks backwards from the last assistant message, closing a pair at each user→assistant
        // boundary.
        var pairs: [(question: String, response: String)] = []
        var user: [String] = []
        var assistant: [String] = []
        var current: String?
        var skippingTrailingUsers = true
        for message in kept.reversed() {
            guard let role = message.role?.lowercased(), role == "user" || role == "assistant" else { continue }
            if skippingTrailingUsers {
                if role == "user" { continue }
                skippingTrailingUsers = false
            }
            if current == "user", role == "assistant" {
                appendPair(user, assistant, to: &pairs)
                user = []
                assistant = []
            }
            let text = plainText(of: message)
            if !text.isEmpty {
                if role == "user" { user.insert(text, at: 0) } else { assistant.insert(text, at: 0) }
            }
            current = role
        }
        appendPair(user, assistant, to: &pairs)
        var pending: String?
        if let last = kept.last, last.role?.lowercased() == "user" {
            let text = plainText(of: last)
            pending = text.isEmpty ? nil : text
        }
        return (pairs.reversed(), pending)
    }

    private static func appendPair(_ user: [String], _ assistant: [String], to pairs: inout [(question: String, response: String)]) {
        let question = user.joined(separator: "\n").javaTrimmed
        let response = assistant.joined(separator: "\n").javaTrimmed
        if !question.isEmpty, !response.isEmpty { pairs.append((question, response)) }
    }

    /// `extractTextFromMessage`: each text block trimmed and ended by a line feed, the whole trimmed.
    static func plainText(of message: UnifiedMessage) -> String {
        (message.content ?? []).filter { $0.kind == .text }.compactMap(\.text).map { $0.javaTrimmed + "\n" }.joined().javaTrimmed
    }

    /// `appendContextToLatestUserMessage`: `Context:` and a `- description: value` line per item with both as strings,
    /// then a blank line, before the text of the latest user message's last text block.
    public static func withContext(_ messages: [UnifiedMessage], context: JSONValue) -> [UnifiedMessage] {
        let lines = (context.arrayValue ?? []).compactMap { item -> String? in
            guard let description = item["description"]?.stringValue, let value = item["value"]?.stringValue else { return nil }
            return "- \(description): \(value)\n"
        }
        guard !(context.arrayValue ?? []).isEmpty,
            let userIndex = messages.lastIndex(where: { $0.role?.lowercased() == "user" }),
            let blockIndex = messages[userIndex].content?.lastIndex(where: { $0.kind == .text })
        else { return messages }
        var messages = messages
        let text = messages[userIndex].content?[blockIndex].text ?? ""
        messages[userIndex].content?[blockIndex].text = "Context:\n" + lines.joined() + "\n" + text
        return messages
    }
}
