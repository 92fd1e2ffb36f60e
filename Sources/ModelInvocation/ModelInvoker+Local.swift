import MLAlgorithms
import MLCommonsCore
import MLStore

extension ModelInvoker {
    /// Whether `_predict` runs the model in-process (a local text model) rather than through a connector.
    public static func isLocalTextModel(_ model: StoredDocument) -> Bool {
        LocalTextModel.functionNames.contains(model.source["algorithm"]?.stringValue ?? "")
    }

    /// `_predict` on a local text model: it must be deployed here (local models are never auto-deployed),
    /// enabled and within its rate limit; the emulator's encoders answer, and the durations go to the profile.
    public func predictLocal(_ model: StoredDocument, body: JSONValue) throws -> JSONValue {
        let started = ContinuousClock.now
        // `RestMLPredictionAction` reads the input before anything runs.
        let input = try TextModelInput(parsing: body)
        guard lifecycle.cache.entry(model.id) != nil else {
            throw OpenSearchError.illegalArgument("Model not ready yet. Please deploy the model first.")
        }
        if model.source["is_enabled"]?.boolValue == false {
            throw OpenSearchError.statusException("Model is disabled.", status: 403)
        }
        if !rateLimiter.tryAcquire(modelID: model.id, limiter: model.source["rate_limiter"]?.objectValue) {
            throw OpenSearchError.statusException("Request is throttled at model level.", status: 429)
        }
        let textModel = LocalTextModel(
            functionName: model.source["algorithm"]?.stringValue ?? "TEXT_EMBEDDING",
            modelFormat: model.source["model_format"]?.stringValue, modelConfig: model.source["model_config"]?.objectValue)
        let inferenceStarted = ContinuousClock.now
        let output = try textModel.predict(input)
        let finished = ContinuousClock.now
        lifecycle.cache.recordPredict(
            model.id, requestMillis: (finished - started).milliseconds, inferenceMillis: (finished - inferenceStarted).milliseconds)
        return output
    }
}
