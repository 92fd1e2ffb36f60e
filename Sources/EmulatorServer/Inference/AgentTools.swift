import Agents
import MLCommonsCore
import RemoteInference

/// The tools the emulator can build for agents, by type.
enum AgentTools {
    /// Builds a tool for a spec through the registry (ml-commons' message for an unknown type).
    static func factory(_ emulator: Emulator) -> @Sendable (ToolSpec) throws -> any AgentTool {
        let service = PredictionService(emulator: emulator)
        let context = ToolContext(documents: emulator.documents) { modelID, parameters in
            let model = try await service.prepare(modelID)
            let escaped = RequestParameters.escaped(parameters)
            let upstream = try UpstreamRequestBuilder(connector: model.connector).predict(requestParameters: escaped)
            let (status, body) = try await PredictRoutes.sendWithRetries(upstream, model: model, service)
            let merged = UpstreamRequestBuilder(connector: model.connector).mergedParameters(escaped)
            return try PredictOutput.render(status: status, body: body, parameters: merged)
        }
        return { spec in try ToolRegistry.make(spec, context: context) }
    }
}
