/// The wait before a retry, by `client_config.retry_backoff_policy` (`constant`,
/// `exponential_equal_jitter`, `exponential_full_jitter`).
public struct RetryBackoff: Sendable {
    public let policy: String
    public let baseMillis: Int

    public init(policy: String?, baseMillis: Int) {
        self.policy = policy ?? "constant"
        self.baseMillis = baseMillis
    }

    /// The delay before retry number `attempt` (1 for the first retry).
    public func delay(forAttempt attempt: Int) -> Duration {
        let exponential = Double(baseMillis) * pow2(attempt - 1)
        switch policy {
        case "exponential_equal_jitter":
            return .milliseconds(Int(exponential / 2 + Double.random(in: 0...(exponential / 2))))
        case "exponential_full_jitter":
            return .milliseconds(Int(Double.random(in: 0...exponential)))
        default:
            return .milliseconds(baseMillis)
        }
    }

    private func pow2(_ exponent: Int) -> Double {
        Double(1 << min(max(exponent, 0), 20))
    }
}
