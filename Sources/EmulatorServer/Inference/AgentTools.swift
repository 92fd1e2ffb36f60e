import Agents
import MLCommonsCore
import ModelInvocation
import RemoteInference

/// The tools the emulator can build for agents, by type.
enum AgentTools {
    /// Builds a tool for a spec through the registry (ml-commons' message for an unknown type).
    static func factory(_ emulator: Emulator) -> @Sendable (ToolSpec) throws -> any AgentTool {
        let context = context(emulator)
        return { spec in try ToolRegistry.make(spec, context: context) }
    }

    /// What a tool reaches on this node: its documents and its models' predictions.
    static func context(_ emulator: Emulator) -> ToolContext {
        let invoker = emulator.invoker
        return ToolContext(documents: emulator.documents, profile: emulator.profile) { modelID, parameters in
            try await invoker.predict(modelID: modelID, requestParameters: RequestParameters.escaped(parameters))
        }
    }
}
