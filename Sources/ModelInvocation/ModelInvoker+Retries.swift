import MLCommonsCore
import RemoteInference

extension ModelInvoker {
    /// One call, repeated on throttling (429) as `invokeRemoteServiceWithRetry` does when the connector's
    /// `client_config.max_retry_times` is not 0 (-1: until `retry_timeout_seconds`).
    func sendWithRetries(_ upstream: UpstreamRequest, model: InvocableModel) async throws -> (status: Int, body: [UInt8]) {
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
            let (status, body) = try await send(upstream, model: model)
            attempt += 1
            let mayRetry = config.maxRetryTimes < 0 || attempt <= config.maxRetryTimes
            guard status == 429, config.maxRetryTimes != 0, mayRetry else { return (status, body) }
            let delay = RetryBackoff(policy: config.retryBackoffPolicy, baseMillis: config.retryBackoffMillis).delay(forAttempt: attempt)
            guard ContinuousClock.now + delay < deadline else { return (status, body) }
            try await Task.sleep(for: delay)
        }
    }

    /// One journalled exchange with the whole body read; transport failures become ml-commons' errors.
    private func send(_ request: UpstreamRequest, model: InvocableModel) async throws -> (status: Int, body: [UInt8]) {
        let journalID = journal.begin(request, secrets: model.connector.secrets, modelID: model.id)
        var status: Int?
        do {
            let response = try await transport.send(request)
            status = response.status
            let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
            journal.finish(journalID, status: response.status, error: nil)
            return (response.status, body)
        } catch {
            journal.finish(journalID, status: status, error: String(describing: error))
            switch error {
            case let refusal as OutboundRefusal: throw refusal.inferenceError.openSearchError
            case let failure as UpstreamTransportError: throw failure.inferenceError.openSearchError
            case let failure as InferenceError: throw failure.openSearchError
            default: throw error
            }
        }
    }
}
