/// Agent types of ml-commons (`MLAgentType`), matched case-insensitively; a release knows only its own
/// (``VersionProfile/knows(_:)``).
public enum AgentType: String, Sendable, CaseIterable {
    case flow = "FLOW"
    case conversational = "CONVERSATIONAL"
    case conversationalFlow = "CONVERSATIONAL_FLOW"
    case planExecuteAndReflect = "PLAN_EXECUTE_AND_REFLECT"
    /// 3.5+: a conversational agent that answers in AG-UI events.
    case agUI = "AG_UI"
    /// 3.6+: the agent of the unified API that runs on agentic memory and structured messages.
    case conversationalV2 = "CONVERSATIONAL_V2"

    /// The type a stored `type` string names, if any.
    public init?(name: String) { self.init(rawValue: name.uppercased()) }
}
