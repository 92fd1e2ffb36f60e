import Agents
import MLCommonsCore
import ModelInvocation
import RemoteInference

/// The tools the emulator can build for agents, by type.
enum AgentTools {
    /// Builds a tool for a spec through the registry (ml-commons' message for an unknown type).
    static func factory(_ emulator: Emulator) -> @Sendable (ToolSpec) throws -> any AgentTool {
        let invoker = emulator.invoker
        let context = ToolContext(documents: emulator.documents, profile: emulator.profile) { modelID, parameters in
            try await invoker.predict(modelID: modelID, requestParameters: RequestParameters.escaped(parameters))
        }
        return { spec in try ToolRegistry.make(spec, context: context) }
    }
}
