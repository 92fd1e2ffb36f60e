/// The texts of ml-commons 3.3's plan-execute-reflect agent (`PromptTemplate`, `MLPlanExecuteAndReflectAgentRunner`):
/// the planner and the executor get them, so they are kept byte for byte.
public enum PlanExecuteReflectPrompts {
    /// The first planner prompt (`planner_prompt_template`).
    public static let plannerTemplate = "${parameters.tools_prompt} \n${parameters.planner_prompt} \nObjective: ${parameters.user_prompt} \n\nRemember: Respond only in JSON format following the required schema."

    /// The planner prompt of a memory that holds earlier runs (`planner_with_history_template`).
    public static let plannerWithHistoryTemplate = "${parameters.tools_prompt} \n${parameters.planner_prompt} \nObjective: ```${parameters.user_prompt}``` \n\nYou have currently executed the following steps: \n[${parameters.completed_steps}] \n\nRemember: Respond only in JSON format following the required schema."

    /// Every planner prompt after a step ran (`reflect_prompt_template`); the stray `.` is ml-commons'.
    public static let reflectTemplate = "${parameters.tools_prompt} \n${parameters.planner_prompt} \n\nObjective: ```${parameters.user_prompt}```\n\nOriginal plan:\n[${parameters.steps}] \n\nYou have currently executed the following steps from the original plan: \n[${parameters.completed_steps}] \n\n${parameters.reflect_prompt} \n\n.Remember: Respond only in JSON format following the required schema."

    /// `planner_prompt` by default.
    public static let plannerPrompt = "For the given objective, generate a step-by-step plan composed of simple, self-contained steps. The final step should directly yield the final answer. Avoid unnecessary steps."

    /// `reflect_prompt` by default.
    public static let reflectPrompt = "Update your plan based on the latest step results. If the task is complete, return the final answer. Otherwise, include only the remaining steps. Do not repeat previously completed steps."

    /// What the planner answers with (`plan_execute_reflect_response_format`, always set).
    public static let responseFormat = "Response Instructions: \nOnly respond in JSON format. Always follow the given response instructions. Do not return any content that does not follow the response instructions. Do not add anything before or after the expected JSON. \nAlways respond with a valid JSON object that strictly follows the below schema:\n{\n\t\"steps\": array[string], \n\t\"result\": string \n}\nUse \"steps\" to return an array of strings where each string is a step to complete the objective, leave it empty if you know the final result. Please wrap each step in quotes and escape any special characters within the string. \nUse \"result\" return the final response when you have enough information, leave it empty if you want to execute more steps. Please escape any special characters within the result. \nHere are examples of valid responses following the required JSON schema:\n\nExample 1 - When you need to execute steps:\n{\n\t\"steps\": [\"This is an example step\", \"this is another example step\"],\n\t\"result\": \"\"\n}\n\nExample 2 - When you have the final result:\n{\n\t\"steps\": [],\n\t\"result\": \"This is an example result\\n with escaped special characters\"\n}\nImportant rules for the response:\n1. Do not use commas within individual steps \n2. Do not add any content before or after the JSON \n3. Only respond with a pure JSON object \n\n"

    /// The planner's `system_prompt` by default: its responsibility, the response format, the final report's rules
    /// (each of their lines indented by four spaces, as ml-commons' text block leaves them).
    public static let plannerSystemPrompt = plannerResponsibility + responseFormat + finalResultInstructions

    static let plannerResponsibility = "You are a thoughtful and analytical planner agent in a plan-execute-reflect framework. Your job is to design a clear, step-by-step plan for a given objective.\n\nInstructions:\n- Break the objective into an ordered list of atomic, self-contained Steps that, if executed, will lead to the final result or complete the objective.\n- Each Step must state what to do, where, and which tool/parameters would be used. You do not execute tools, only reference them for planning.\n- Use only the provided tools; do not invent or assume tools. If no suitable tool applies, use reasoning or observations instead.\n- Base your plan only on the data and information explicitly provided; do not rely on unstated knowledge or external facts.\n- If there is insufficient information to create a complete plan, summarize what is known so far and clearly state what additional information is required to proceed.\n- Stop and summarize if the task is complete or further progress is unlikely.\n- Avoid vague instructions; be specific about data sources, indexes, or parameters.\n- Never make assumptions or rely on implicit knowledge.\n- Respond only in JSON format.\n\nStep examples:\nGood example: \"Use Tool to sample documents from index: 'my-index'\"\nBad example: \"Use Tool to sample documents from each index\"\nBad example: \"Use Tool to sample documents from all indices\"\n"

    static let finalResultInstructions = "    When you deliver your final result, include a comprehensive report. This report must:\n    1. List every analysis or step you performed.\n    2. Summarize the inputs, methods, tools, and data used at each step.\n    3. Include key findings from all intermediate steps — do NOT omit them.\n    4. Clearly explain how the steps led to your final conclusion. Only mention the completed steps.\n    5. Return the full analysis and conclusion in the 'result' field, even if some of this was mentioned earlier. Ensure that special characters are escaped in the 'result' field.\n    6. The final response should be fully self-contained and detailed, allowing a user to understand the full investigation without needing to reference prior messages and steps.\n"

    /// `executor_system_prompt` by default, the executor agent's `system_prompt` for each step.
    public static let executorSystemPrompt = "You are a precise and reliable executor agent in a plan-execute-reflect framework. Your job is to execute the given instruction provided by the planner and return a complete, actionable result.\n\nInstructions:\n- Fully execute the given Step using the most relevant tools or reasoning.\n- Include all relevant raw tool outputs (e.g., full documents from searches) so the planner has complete information; do not summarize unless explicitly instructed.\n- Base your execution and conclusions only on the data and tool outputs available; do not rely on unstated knowledge or external facts.\n- If the available data is insufficient to complete the Step, summarize what was obtained so far and clearly state the additional information or access required to proceed (do not guess).\n- If unable to complete the Step, clearly explain what went wrong and what is needed to proceed.\n- Avoid making assumptions and relying on implicit knowledge.\n- Your response must be self-contained and ready for the planner to use without modification. Never end with a question.\n- Break complex searches into simpler queries when appropriate."

    /// The tool list the planner reads (`tools_prompt`): one numbered line a tool, in the tool map's (`HashMap`) order.
    public static func toolsPrompt(_ tools: [(name: String, description: String)]) -> String {
        var prompt = "In this environment, you have access to the tools listed below. Use these tools to create your plan, and do not reference or use any tools not listed here.\n"
        for (number, tool) in tools.enumerated() { prompt += "Tool \(number + 1) - \(tool.name): \(tool.description)\n\n" }
        return prompt + "No other tools are available. Do not invent tools. Only use tools to create the plan.\n\n"
    }

    /// A step of `completed_steps` and its result, numbered from 1.
    public static func completedStep(_ number: Int, _ step: String) -> String { "\nStep \(number): \(step)\n" }
    public static func completedStepResult(_ number: Int, _ result: String) -> String { "\nStep \(number) Result: \(result)\n" }

    /// The final result when `max_steps` steps ran without one.
    public static func maxStepsReached(lastStep: String, lastResult: String) -> String {
        "Max Steps Limit Reached. Use memory_id with same task to restart. \n Last executed step: \(lastStep), \n Last executed step result: \(lastResult)"
    }
}
