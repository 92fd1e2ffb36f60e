import Agents
import MLCommonsCore
import RemoteInference

/// The agents' LLM calls, made like a remote `_predict` from inside the cluster: model checks, the
/// rendered connector request, the transport, the journal.
struct ServerAgentLLM: AgentLLM {
    let service: PredictionService

    func predict(modelID: String, parameters: [String: String]) async throws -> JSONValue {
        let output = try await service.predict(modelID, requestParameters: RequestParameters.escaped(parameters))
        return output["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first?["dataAsMap"] ?? .null
    }

    func stream(
        modelID: String, parameters: [String: String], onEvent: (ProviderEvent) async throws -> Void
    ) async throws -> JSONValue? {
        let model = try await service.prepare(modelID)
        let escaped = RequestParameters.escaped(parameters)
        let (upstream, interface) = try UpstreamRequestBuilder(connector: model.connector).stream(requestParameters: escaped)
        let journalID = service.emulator.journal.begin(upstream, secrets: model.connector.secrets, modelID: model.id)
        var toolCall: JSONValue?
        do {
            let (_, status) = try await StreamingCall(request: upstream, interface: interface).run(over: service.emulator.transport) { event in
                if case .toolCall(let call) = event { toolCall = call.dataAsMap }
                try await onEvent(event)
            }
            service.emulator.journal.finish(journalID, status: status, error: nil)
        } catch {
            service.emulator.journal.finish(journalID, status: nil, error: String(describing: error))
            throw error
        }
        return toolCall
    }
}
