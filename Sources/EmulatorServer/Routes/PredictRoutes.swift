import MLCommonsCore
import ModelInvocation
import RemoteInference

/// `_predict` for remote and local text models, and its legacy path.
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
        let model = try await emulator.documents.document(SystemIndex.model, id: modelID)
        if let model { try await emulator.checkModelAccess(model.source, request, else: ModelRoutes.noPrivilege) }
        if let model, AlgorithmService.trainable.contains(model.source["algorithm"]?.stringValue ?? "") {
            let body = try RequestObject(try request.jsonBody() ?? [:])
            let algorithm = model.source["algorithm"]?.stringValue ?? ""
            return .json(try await AlgorithmRoutes.counted(.predict, algorithm, emulator) {
                try await AlgorithmService(emulator: emulator).predict(model: model, body)
            })
        }
        if let model, ModelInvoker.isLocalTextModel(model) {
            let algorithm = model.source["algorithm"]?.stringValue ?? ""
            emulator.nodeStats.count(.predict, algorithm: algorithm, modelID: modelID)
            do {
                let body = try request.jsonBody() ?? [:]
                let invoker = emulator.invoker
                return .json(try await OffloadedWork.run { try invoker.predictLocal(model, body: body) })
            } catch {
                emulator.nodeStats.countFailure(.predict, algorithm: algorithm, modelID: modelID, error)
                throw error
            }
        }
        try await emulator.requireRemoteInference()
        let body = try RequestObject(try request.jsonBody() ?? [:])
        let parameters = RequestParameters.escaped(fromRequestBody: body.object)
        // The lookup above is the one the invoker would make; a missing model gets its 404 from `findModel`.
        let found = if let model { model } else { try await emulator.invoker.findModel(modelID) }
        let invocable = try await emulator.invoker.prepare(found, streaming: false)
        return .json(try await emulator.invoker.predict(invocable, requestParameters: parameters))
    }
}
