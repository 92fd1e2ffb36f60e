import MLCommonsCore
import RemoteInference

/// Everything between a `_predict` request and the upstream call: model checks, auto-deploy, the rate
/// limiter, the connector with its decrypted credential, the rendered request and the journal.
struct PredictionService: Sendable {
    let emulator: Emulator

    /// A model ready to be called.
    struct ReadyModel: Sendable {
        let id: String
        let document: JSONObject
        let connector: ResolvedConnector
    }

    /// Looks a model up the way the predict actions do: any failure is `Failed to find model` (404).
    func findModel(_ id: String) async throws -> StoredDocument {
        guard let model = try await emulator.documents.document(SystemIndex.model, id: id) else {
            throw OpenSearchError.statusException("Failed to find model", status: 404)
        }
        return model
    }

    /// The model-level checks of `TransportPredictionTaskAction` and `MLPredictTaskRunner`, then the connector.
    func prepare(_ id: String) async throws -> ReadyModel {
        var model = try await findModel(id)
        guard model.source["algorithm"]?.stringValue == "REMOTE" else {
            throw OpenSearchError.illegalState("Streaming is only supported for remote models")
        }
        if model.source["is_enabled"]?.boolValue == false {
            throw OpenSearchError.statusException("Model is disabled.", status: 403)
        }
        let state = model.source["model_state"]?.stringValue ?? ""
        if state != "DEPLOYED" && state != "PARTIALLY_DEPLOYED" {
            guard await emulator.settings.isEnabled(MLCommonsSettings.modelAutoDeployEnabled) else {
                throw OpenSearchError.statusException("Model not ready yet. Please deploy the model first.", status: 400)
            }
            _ = try await ModelRoutes.deploy(id, emulator)
            model = try await findModel(id)
        }
        if !emulator.rateLimiter.tryAcquire(modelID: id, limiter: model.source["rate_limiter"]?.objectValue) {
            throw OpenSearchError.statusException("Request is throttled at model level.", status: 429)
        }
        return ReadyModel(id: id, document: model.source, connector: try await connector(of: model.source))
    }

    /// The model's inline connector, or the stored one it names, with the credential decrypted.
    func connector(of model: JSONObject) async throws -> ResolvedConnector {
        let document: JSONObject
        if case .object(let inline)? = model["connector"] {
            document = inline
        } else if let connectorID = model["connector_id"]?.stringValue,
            let stored = try await emulator.documents.document(SystemIndex.connector, id: connectorID)
        {
            document = stored.source
        } else {
            throw OpenSearchError.statusException("Failed to find connector:\(model["connector_id"]?.stringValue ?? "")", status: 404)
        }
        let credential = try emulator.cipher.decrypt(document["credential"]?.objectValue ?? JSONObject())
        return try ResolvedConnector(document: document, credential: credential)
    }

    /// A whole non-streaming remote predict with already-escaped request parameters: model checks,
    /// rendering, the private-address guard, the call with retries, and the `ModelTensorOutput`.
    func predict(_ modelID: String, requestParameters: [String: String]) async throws -> JSONValue {
        let model = try await prepare(modelID)
        let builder = UpstreamRequestBuilder(connector: model.connector)
        let upstream = try builder.predict(requestParameters: requestParameters)
        let (status, body) = try await PredictRoutes.sendWithRetries(upstream, model: model, self)
        return try PredictOutput.render(status: status, body: body, parameters: builder.mergedParameters(requestParameters))
    }

    /// Sends a request through the configured transport, recording it in the journal.
    func send(_ request: UpstreamRequest, model: ReadyModel) async throws -> (UpstreamResponse, journalID: Int) {
        let journalID = emulator.journal.begin(request, secrets: model.connector.secrets, modelID: model.id)
        do {
            let response = try await emulator.transport.send(request)
            return (response, journalID)
        } catch {
            emulator.journal.finish(journalID, status: nil, error: String(describing: error))
            switch error {
            case let refusal as OutboundRefusal: throw refusal.inferenceError.openSearchError
            case let failure as UpstreamTransportError: throw failure.inferenceError.openSearchError
            case let failure as InferenceError: throw failure.openSearchError
            default: throw error
            }
        }
    }
}
