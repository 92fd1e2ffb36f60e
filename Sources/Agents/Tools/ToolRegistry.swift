import MLCommonsCore

/// The tools the emulator can run, by type, and how agents get instances of them
/// (`AgentUtils.createTool`).
public enum ToolRegistry {
    /// Every runnable tool type.
    public static let tools: [any AgentTool.Type] = [
        ListIndexTool.self, IndexMappingTool.self, SearchIndexTool.self, MLModelTool.self, AgentRunTool.self, ConnectorTool.self,
        QueryPlanningTool.self, WebSearchTool.self,
    ]

    /// The implementation of a tool type, or ml-commons' error for an unknown one.
    public static func toolType(_ type: String, profile: VersionProfile = VersionProfile()) throws(OpenSearchError) -> any AgentTool.Type {
        guard let tool = try runnable(type) else { throw .illegalArgument(profile.toolTypeNotFound(type)) }
        return tool
    }

    /// The implementation of a tool type; nil when ml-commons has no such tool, the emulator's 501 when it
    /// has one the emulator cannot run yet.
    private static func runnable(_ type: String) throws(OpenSearchError) -> (any AgentTool.Type)? {
        if let tool = tools.first(where: { $0.type == type }) { return tool }
        if ToolCatalog.registered.contains(where: { $0.name == type }) { throw .toolNotEmulated(type) }
        return nil
    }

    /// A tool built from a spec, after the checks its factory makes.
    public static func make(_ spec: ToolSpec, context: ToolContext) throws(OpenSearchError) -> any AgentTool {
        let tool = try toolType(spec.type, profile: context.profile)
        try tool.checkSpec(spec)
        return tool.init(spec: spec, context: context)
    }

    /// The Execute Tool API's run (`MLToolExecutor.execute`): `parameters` go to the tool's factory, its
    /// `validate` and its `run`, with ml-commons' message for each refusal in its order.
    public static func execute(
        _ name: String, parameters: [String: String]?, context: ToolContext
    ) async throws -> ToolOutput {
        guard let parameters else { throw OpenSearchError.illegalArgument("Tool input data can not be empty.") }
        guard let type = try runnable(name) else { throw OpenSearchError.illegalArgument("Tool not found: \(name)") }
        let spec = ToolSpec(type: name, parameters: parameters)
        try type.checkSpec(spec)
        let tool = type.init(spec: spec, context: context)
        guard tool.validate(parameters) else { throw OpenSearchError.illegalArgument("Invalid parameters for tool: \(name)") }
        return try await tool.run(parameters)
    }
}
