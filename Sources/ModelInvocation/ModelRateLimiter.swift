import Foundation
import MLCommonsCore
import Synchronization

/// Per-model `rate_limiter`s, behaving like Guava's bursty `RateLimiter` ml-commons uses: the first
/// request passes, then permits come back at `limit` per `unit`, at most one second's worth stored.
public final class ModelRateLimiter: Sendable {
    private struct Bucket {
        var permitsPerSecond: Double
        var stored: Double
        var updatedAt: Double
    }

    private let buckets = Mutex<[String: Bucket]>([:])

    public init() {}

    /// Whether a request for `modelID` may pass under `limiter` (`{"limit":"2","unit":"MINUTES"}`).
    public func tryAcquire(modelID: String, limiter: JSONObject?, now: Double = Date().timeIntervalSince1970) -> Bool {
        guard let limiter, let rate = Self.permitsPerSecond(limiter) else { return true }
        return buckets.withLock { buckets in
            let capacity = max(1, rate)
            var bucket = buckets[modelID] ?? Bucket(permitsPerSecond: rate, stored: 1, updatedAt: now)
            if bucket.permitsPerSecond != rate { bucket = Bucket(permitsPerSecond: rate, stored: 1, updatedAt: now) }
            bucket.stored = min(capacity, bucket.stored + (now - bucket.updatedAt) * rate)
            bucket.updatedAt = now
            defer { buckets[modelID] = bucket }
            guard bucket.stored >= 1 else { return false }
            bucket.stored -= 1
            return true
        }
    }

    /// Forgets every bucket, as a restarted node would.
    public func reset() { buckets.withLock { $0.removeAll() } }

    static func permitsPerSecond(_ limiter: JSONObject) -> Double? {
        let limitText = limiter["limit"].map { $0.stringValue ?? $0.numberValue?.text ?? "" } ?? ""
        guard let limit = Double(limitText), limit > 0 else { return nil }
        let seconds: Double
        switch limiter["unit"]?.stringValue?.uppercased() ?? "" {
        case "NANOSECONDS": seconds = 1e-9
        case "MICROSECONDS": seconds = 1e-6
        case "MILLISECONDS": seconds = 1e-3
        case "SECONDS": seconds = 1
        case "MINUTES": seconds = 60
        case "HOURS": seconds = 3600
        case "DAYS": seconds = 86_400
        default: return nil
        }
        return limit / seconds
    }
}
