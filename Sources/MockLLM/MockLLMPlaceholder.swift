/// A value from the request that reply text can include as `{{name}}`.
public enum MockLLMPlaceholder: String, Sendable, Hashable, CaseIterable {
    /// `{{last_user_message}}`: the text of the last user message.
    case lastUserMessage = "last_user_message"
    /// `{{tool_result}}`: the text of the latest tool result (empty when there is none).
    case toolResult = "tool_result"
    /// `{{tool_result_row_count}}`: non-empty lines of the latest tool result minus its header line
    /// (the number of rows of a CSV such as ListIndexTool's output; 0 when there is none).
    case toolResultRowCount = "tool_result_row_count"
    /// `{{model}}`: the requested model id.
    case model = "model"
    /// `{{memory_facts}}`: `{"facts":[…]}`, the sentences of the user messages in an agentic memory
    /// fact-extraction prompt.
    case memoryFacts = "memory_facts"
    /// `{{memory_decisions}}`: `{"memory_decision":[…]}` for a memory decision prompt: old memories kept, new facts added.
    case memoryDecisions = "memory_decisions"
    /// `{{memory_summary}}`: the first words of the user messages of a session summary prompt.
    case memorySummary = "memory_summary"
    /// `{{plan}}`: `{"steps":[…],"result":"…"}` for a plan-execute-reflect planner prompt: the objective's steps, the
    /// plan's remaining steps after one ran, or the completed steps as the result.
    case plan = "plan"
    /// `{{query_dsl}}`: for a QueryPlanningTool prompt, a query for its question over the mapping's text fields.
    case queryDSL = "query_dsl"
    /// `{{search_template_id}}`: for a template-selection prompt, the template whose description best fits the question.
    case searchTemplateID = "search_template_id"
}
