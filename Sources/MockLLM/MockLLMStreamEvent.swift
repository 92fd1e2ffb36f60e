/// One encoded stream event (an SSE event or an event-stream message) and its place in the reply,
/// which decides the pause before it.
struct MockLLMStreamEvent: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Before any content (role chunk, `messageStart`, tool-call header).
        case opening
        /// Carries a chunk of text or tool arguments.
        case content
        /// After the content (finish reason, usage, `[DONE]`, `messageStop`, `metadata`).
        case closing
    }

    var kind: Kind
    var bytes: [UInt8]
}
