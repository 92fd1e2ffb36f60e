import MLCommonsCore
import RemoteInference

/// `_predict` for remote models, and its legacy path.
enum PredictRoutes {
    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        let service = PredictionService(emulator: emulator)
        routes.add("POST", "/_plugins/_ml/models/{model_id}/_predict") { request in
            try await predict(request, modelID: request.parameter("model_id"), service)
        }
        routes.add("POST", "/_plugins/_ml/_predict/{algorithm}/{model_id}") { request in
            try await predict(request, modelID: request.parameter("model_id"), service)
        }
    }

    static func predict(_ request: RESTRequest, modelID: String, _ service: PredictionService) async throws -> RESTResponse {
        try await ConnectorRoutes.requireRemoteInference(service.emulator)
        let body = try RequestObject(try request.jsonBody() ?? [:])
        let parameters = RequestParameters.escaped(fromRequestBody: body.object)
        let model = try await service.prepare(modelID)
        let upstream = try UpstreamRequestBuilder(connector: model.connector).predict(requestParameters: parameters)
        let (response, journalID) = try await service.send(upstream, model: model)
        let bytes: [UInt8]
        do {
            bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
        } catch {
            service.emulator.journal.finish(journalID, status: response.status, error: String(describing: error))
            throw OpenSearchError.statusException("Error communicating with remote model: \(error)", status: 500)
        }
        service.emulator.journal.finish(journalID, status: response.status, error: nil)
        let merged = UpstreamRequestBuilder(connector: model.connector).mergedParameters(parameters)
        return .json(try PredictOutput.render(status: response.status, body: bytes, parameters: merged))
    }
}
