import Agents
import MLCommonsCore

/// `/_plugins/_ml/tools`: the catalog of registered tools (`RestMLListToolsAction`, `RestMLGetToolAction`) and
/// the Execute Tool API (`RestMLExecuteAction`'s tool branch).
enum ToolRoutes {
    static let base = "/_plugins/_ml/tools"

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        routes.add("GET", base) { _ in
            .json(.array(ToolCatalog.listed.map(\.listJSON)))
        }
        routes.add("GET", "\(base)/{tool_name}") { request in
            .json(try ToolCatalog.tool(named: request.parameter("tool_name")).json)
        }
        routes.add("POST", "\(base)/_execute/{tool_name}", query: ["async"]) { request in
            // `RestMLExecuteAction`: the body must be an object before the flag is checked.
            let body = try RequestObject(try request.requiredJSONBody())
            guard emulator.settings.isEnabled(MLCommonsSettings.executeToolsEnabled) else {
                throw OpenSearchError.illegalState(
                    "The Execute Tool API is not enabled. To enable, please update the setting \(MLCommonsSettings.executeToolsEnabled)")
            }
            // `parameters` that is not an object reads as no parameters; absent, as no input at all.
            let parameters = body.object["parameters"].map { RequestParameters.stringMap($0.objectValue ?? JSONObject()) }
            let name = request.parameter("tool_name")
            do {
                let output = try await AlgorithmRoutes.counted(.execute, "TOOL", emulator) {
                    try await ToolRegistry.execute(name, parameters: parameters, context: AgentTools.context(emulator))
                }
                // `processOutput`: an agent's tensors pass through as they are; anything else is one `response`.
                guard case .modelTensors = output else {
                    return .json(["inference_results": [["output": [["name": "response", "result": .string(output.text)]]]]])
                }
                let tensors = output.tensors
                return .json(["inference_results": [tensors.isEmpty ? [:] : ["output": .array(tensors)]]])
            } catch {
                let failure = OpenSearchError(reporting: error)
                return RESTResponse(status: failure.status, body: .json(failure.executeEnvelope))
            }
        }
    }
}
