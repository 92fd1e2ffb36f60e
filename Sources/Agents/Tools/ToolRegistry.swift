import MLCommonsCore

/// The tools the emulator can run, by type, and how agents get instances of them
/// (`AgentUtils.createTool`).
public enum ToolRegistry {
    /// Every runnable tool type.
    public static let tools: [any AgentTool.Type] = [
        ListIndexTool.self, IndexMappingTool.self, SearchIndexTool.self, MLModelTool.self,
    ]

    /// The implementation of a tool type, or ml-commons' error for an unknown one.
    public static func toolType(_ type: String, profile: VersionProfile = VersionProfile()) throws(OpenSearchError) -> any AgentTool.Type {
        guard let tool = tools.first(where: { $0.type == type }) else {
            throw .illegalArgument(profile.toolTypeNotFound(type))
        }
        return tool
    }

    /// A tool built from a spec, after the checks its factory makes.
    public static func make(_ spec: ToolSpec, context: ToolContext) throws(OpenSearchError) -> any AgentTool {
        let tool = try toolType(spec.type, profile: context.profile)
        try tool.checkSpec(spec)
        return tool.init(spec: spec, context: context)
    }
}
