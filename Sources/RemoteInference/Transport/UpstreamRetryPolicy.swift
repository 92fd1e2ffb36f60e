import MLCommonsCore

/// How a call is repeated on throttling (429): `client_config`'s retry fields, as `invokeRemoteServiceWithRetry`
/// reads them.
public struct UpstreamRetryPolicy: Sendable, Hashable {
    /// 0: never, -1: until ``timeoutSeconds`` runs out.
    public var maxRetryTimes: Int
    public var backoff: RetryBackoff
    public var timeoutSeconds: Int

    public init(_ config: ConnectorClientConfig) {
        maxRetryTimes = config.maxRetryTimes
        backoff = RetryBackoff(policy: config.retryBackoffPolicy, baseMillis: config.retryBackoffMillis)
        timeoutSeconds = config.retryTimeoutSeconds
    }
}
