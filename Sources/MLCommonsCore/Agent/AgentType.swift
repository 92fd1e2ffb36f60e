/// Agent types of ml-commons 3.3 (`MLAgentType`), matched case-insensitively.
public enum AgentType: String, Sendable, CaseIterable {
    case flow = "FLOW"
    case conversational = "CONVERSATIONAL"
    case conversationalFlow = "CONVERSATIONAL_FLOW"
    case planExecuteAndReflect = "PLAN_EXECUTE_AND_REFLECT"

    /// The type a stored `type` string names, if any.
    public init?(name: String) { self.init(rawValue: name.uppercased()) }
}
