import MLCommonsCore

/// A V1 agent's conversation in an agentic memory container, as `MLChatAgentRunner` uses `AgenticConversationMemory`:
/// the run's root interaction and traces as working-memory documents of a session, read back as history.
public protocol AgenticInteractions: Sendable {
    /// The session: the run's `memory_id`.
    var sessionID: String { get }
    /// `getMessages(limit)`: the session's interactions that are not traces, as its search returns them.
    func history(limit: Int) async throws -> [(input: String?, response: String?)]
    /// `save(message, parentId, traceNumber, origin)`: one trace under the root interaction.
    func trace(input: String, response: String, origin: String, parentInteractionID: String, number: Int) async throws
    /// `update(parentId, {response, additional_info})`: the root interaction's answer.
    func complete(_ interactionID: String, response: String, additionalInfo: JSONObject?) async throws
}
