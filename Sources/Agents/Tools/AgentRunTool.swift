import MLCommonsCore

/// `AgentTool`: runs another agent (its `agent_id` parameter) with the run's input and answers with that
/// agent's `ModelTensorOutput`. (Named apart from the ``AgentTool`` protocol every tool implements.)
public struct AgentRunTool: AgentTool {
    public static let type = "AgentTool"
    public static let defaultDescription = "Use this tool to run any agent."
    public static let defaultAttributes: [String: String] = [:]

    private let context: ToolContext
    private let attributes: [String: String]
    private let agentID: String?

    public init(spec: ToolSpec, context: ToolContext) {
        self.context = context
        self.attributes = Self.attributes(for: spec)
        self.agentID = spec.parameters["agent_id"]
    }

    public func validate(_ parameters: [String: String]) -> Bool { true }

    public func run(_ parameters: [String: String]) async throws -> ToolOutput {
        guard let agentID, !agentID.isJavaBlank else { throw OpenSearchError.illegalArgument("Agent ID not registered in tool") }
        let input = ToolInputParameters.extract(parameters, attributes: attributes)
        return .modelTensors(try await context.runAgent(agentID, input))
    }
}
