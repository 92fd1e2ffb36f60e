/// The wait before a retry, by `client_config.retry_backoff_policy` (`constant`,
/// `exponential_equal_jitter`, `exponential_full_jitter`).
public struct RetryBackoff: Sendable, Hashable {
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

    /// The checks `invokeRemoteServiceWithRetry` meets before its first attempt, when retries are on:
    /// `TimeValue` refuses durations below -1 and `RetryableAction` an initial delay under a millisecond.
    public static func validate(backoffMillis: Int, timeoutSeconds: Int) throws(InferenceError) {
        for duration in [backoffMillis, timeoutSeconds] where duration < -1 {
            throw InferenceError(
                message: "duration cannot be negative, was given [\(duration)]", status: 400, javaClass: "IllegalArgumentException")
        }
        guard backoffMillis >= 1 else {
            // `TimeValue.toString`: a negative duration prints bare, zero as `0s`.
            let shown = backoffMillis < 0 ? String(backoffMillis) : "0s"
            throw InferenceError(
                message: "Initial delay was less than 1 millisecond: \(shown)", status: 400, javaClass: "IllegalArgumentException")
        }
    }
}
