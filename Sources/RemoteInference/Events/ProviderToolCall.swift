import MLCommonsCore

/// A tool call an LLM asked for, in the forms ml-commons needs downstream.
public struct ProviderToolCall: Sendable, Hashable {
    /// The upstream's id for the call (`call_…` for OpenAI, `tooluse_…` for Bedrock).
    public var id: String
    public var name: String
    /// The arguments as the model produced them (JSON text).
    public var arguments: String
    /// The map ml-commons builds for the agent (OpenAI: `{"choices":[{"message":{"tool_calls":[…]},"finish_reason":"tool_calls"}]}`,
    /// Bedrock: `{"output":{"message":{"content":[{"toolUse":…}]}},"stopReason":"tool_use"}`).
    public var dataAsMap: JSONValue
    /// OpenAI only: the synthesized full tool call, sent to the client as one content chunk before the empty one.
    public var announcement: String?

    public init(id: String, name: String, arguments: String, dataAsMap: JSONValue, announcement: String?) {
        self.id = id
        self.name = name
        self.arguments = arguments
        self.dataAsMap = dataAsMap
        self.announcement = announcement
    }
}
