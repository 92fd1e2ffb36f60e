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
        return .json(try await service.predict(modelID, requestParameters: RequestParameters.escaped(fromRequestBody: body.object)))
    }

    /// One call, repeated on throttling (429) as `invokeRemoteServiceWithRetry` does when the
    /// connector's `client_config.max_retry_times` is not 0 (-1: until `retry_timeout_seconds`).
    static func sendWithRetries(
        _ upstream: UpstreamRequest, model: PredictionService.ReadyModel, _ service: PredictionService
    ) async throws -> (status: Int, body: [UInt8]) {
        let config = model.connector.clientConfig
        if config.maxRetryTimes != 0 {
            do {
                try RetryBackoff.validate(backoffMillis: config.retryBackoffMillis, timeoutSeconds: config.retryTimeoutSeconds)
            } catch {
                throw error.openSearchError
            }
        }
        let deadline = ContinuousClock.now + .seconds(config.retryTimeoutSeconds)
        var attempt = 0
        while true {
            let (response, journalID) = try await service.send(upstream, model: model)
            let bytes: [UInt8]
            do {
                bytes = try await response.body.collect(upTo: 64 * 1024 * 1024)
            } catch let error as UpstreamTransportError {
                service.emulator.journal.finish(journalID, status: response.status, error: String(describing: error))
                throw error.inferenceError.openSearchError
            }
            service.emulator.journal.finish(journalID, status: response.status, error: nil)
            attempt += 1
            let mayRetry = config.maxRetryTimes < 0 || attempt <= config.maxRetryTimes
            guard response.status == 429, config.maxRetryTimes != 0, mayRetry else { return (response.status, bytes) }
            let delay = RetryBackoff(policy: config.retryBackoffPolicy, baseMillis: config.retryBackoffMillis).delay(forAttempt: attempt)
            guard ContinuousClock.now + delay < deadline else { return (response.status, bytes) }
            try await Task.sleep(for: delay)
        }
    }
}
