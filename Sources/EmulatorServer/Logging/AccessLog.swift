import Logging
import MLCommonsCore

/// One request's access line at `info`: method and path (never the query, which may carry keys),
/// status, duration and bytes; for streams the chunk count, time to first chunk and how it ended;
/// for errors their type and reason.
struct AccessLog: Sendable {
    let logger: Logger
    let method: String
    let path: String
    let started = ContinuousClock.now

    func finish(status: Int, bytes: Int, error: String? = nil, stream: StreamStatistics? = nil) {
        guard logger.logLevel <= .info else { return }
        var metadata: Logger.Metadata = [
            "status": "\(status)", "duration_ms": "\(Self.millis(ContinuousClock.now - started))", "bytes": "\(bytes)",
        ]
        if let error { metadata["error"] = "\(error)" }
        if let stream {
            metadata["chunks"] = "\(stream.chunks)"
            if let first = stream.firstChunkAt { metadata["first_chunk_ms"] = "\(Self.millis(first - started))" }
            metadata["stream"] = "\(stream.outcome.rawValue)"
        }
        logger.info("\(method) \(path)", metadata: metadata)
    }

    /// `type: reason` of an error envelope (or its bare message).
    static func errorSummary(_ body: JSONValue) -> String? {
        switch body["error"] {
        case .string(let message)?: return message
        case .object(let error)?:
            let type = error["type"]?.stringValue ?? "error"
            return error["reason"]?.stringValue.map { "\(type): \($0)" } ?? type
        default: return nil
        }
    }

    /// A duration in milliseconds with one decimal.
    static func millis(_ duration: Duration) -> String {
        let tenths = (duration.components.seconds * 10_000 + duration.components.attoseconds / 100_000_000_000_000)
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// What a streamed response did, for its access line.
struct StreamStatistics: Sendable {
    /// How a stream ended.
    enum Outcome: String, Sendable {
        case complete
        /// The client went away first.
        case clientGone = "client_gone"
        /// The producer failed after the headers were sent.
        case failed
    }

    var chunks = 0
    var bytes = 0
    var firstChunkAt: ContinuousClock.Instant?
    var outcome = Outcome.complete
}
