/// Repeats a throttled call (429) with backoff, as ml-commons' `invokeRemoteServiceWithRetry` does, for
/// requests that carry an ``UpstreamRetryPolicy``; streams are never repeated.
public struct RetryingTransport: UpstreamTransport {
    public let base: any UpstreamTransport

    public init(base: any UpstreamTransport) { self.base = base }

    public func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        guard let policy = request.retries, policy.maxRetryTimes != 0, !request.isStreaming else {
            return try await base.send(request)
        }
        try RetryBackoff.validate(backoffMillis: policy.backoff.baseMillis, timeoutSeconds: policy.timeoutSeconds)
        let deadline = ContinuousClock.now + .seconds(policy.timeoutSeconds)
        var attempt = 0
        while true {
            let response = try await base.send(request)
            attempt += 1
            let mayRetry = policy.maxRetryTimes < 0 || attempt <= policy.maxRetryTimes
            guard response.status == 429, mayRetry else { return response }
            let delay = policy.backoff.delay(forAttempt: attempt)
            guard ContinuousClock.now + delay < deadline else { return response }
            // The throttled answer is read to its end so its connection can be reused.
            _ = try? await response.body.collect(upTo: 1 << 20)
            try await Task.sleep(for: delay)
        }
    }
}
