import Agents
import MLCommonsCore
import RemoteInference

/// The tools the emulator can build for agents, by type.
enum AgentTools {
    /// Builds a tool for a spec, with ml-commons' message for an unknown type.
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
        return { spec in
            guard let type = toolTypes[spec.type] else { throw OpenSearchError.illegalArgument("Tool not found: \(spec.type)") }
            return type.init(spec: spec, context: context)
        }
    }

    static let toolTypes: [String: any AgentTool.Type] = [:]
}
