import MLCommonsCore
import ModelInvocation
import RemoteInference

/// `_predict` for remote models, and its legacy path.
enum PredictRoutes {
    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        routes.add("POST", "/_plugins/_ml/models/{model_id}/_predict") { request in
            try await predict(request, modelID: request.parameter("model_id"), emulator)
        }
        routes.add("POST", "/_plugins/_ml/_predict/{algorithm}/{model_id}") { request in
            try await predict(request, modelID: request.parameter("model_id"), emulator)
        }
    }

    static func predict(_ request: RESTRequest, modelID: String, _ emulator: Emulator) async throws -> RESTResponse {
        try await emulator.requireRemoteInference()
        let body = try RequestObject(try request.jsonBody() ?? [:])
        let parameters = RequestParameters.escaped(fromRequestBody: body.object)
        return .json(try await emulator.invoker.predict(modelID: modelID, requestParameters: parameters))
    }
}
