import Hummingbird
import NIOCore

/// Runs a stream producer that writes its chunks straight to the response body, and stops it (and any upstream
/// call it waits on) as soon as the client leaves: at a failed write, or when the connection's input closes
/// while nothing is being written.
enum StreamedResponseBody {
    /// - Parameter onEnd: told what the stream did (chunks, first chunk, outcome) once it is over.
    static func make(
        _ producer: @escaping @Sendable (StreamWriter) async throws -> Void, context: EmulatorRequestContext,
        onEnd: @escaping @Sendable (StreamStatistics) -> Void = { _ in }
    ) -> ResponseBody {
        ResponseBody { writer in
            let sink = ResponseBodySink(writer)
            do {
                try await pump(producer, into: sink, departure: { await context.clientDeparture() })
                try await sink.finish()
            } catch {
                var statistics = sink.statistics
                statistics.outcome = error is StreamWriter.ClientGone ? .clientGone : .failed
                onEnd(statistics)
                throw error
            }
            onEnd(sink.statistics)
        }
    }

    /// Runs the producer against `sink` until it ends; throws ``StreamWriter/ClientGone`` when the client left
    /// first, or the producer's own error.
    /// - Parameter departure: finds the connection's departure signal; it is looked up beside the producer, not
    ///   before it, since the lookup is a round trip to the connection's event loop (time to first chunk).
    static func pump(
        _ producer: @escaping @Sendable (StreamWriter) async throws -> Void, into sink: ResponseBodySink,
        departure: @escaping @Sendable () async -> ClientDeparture?
    ) async throws {
        let failure = await withTaskGroup(of: PumpEnding.self) { group in
            group.addTask {
                do {
                    try await producer(StreamWriter(sink: sink))
                    return .produced
                } catch {
                    return .failed(error)
                }
            }
            group.addTask {
                guard let departure = await departure(), await departure.wait() else { return .unwatched }
                sink.markGone()
                return .clientLeft
            }
            var failure: (any Error)?
            for await ending in group {
                switch ending {
                case .unwatched:
                    continue
                case .produced, .clientLeft:
                    group.cancelAll()
                case .failed(let error):
                    group.cancelAll()
                    if !(error is StreamWriter.ClientGone), !(error is CancellationError) { failure = error }
                }
            }
            return failure
        }
        // A body cancelled at shutdown is a cut stream, not a complete one.
        if sink.isGone || Task.isCancelled { throw StreamWriter.ClientGone() }
        if let failure { throw failure }
    }

    /// How one of the pump's two tasks ended.
    private enum PumpEnding: Sendable {
        /// The producer returned.
        case produced
        /// The producer threw.
        case failed(any Error)
        /// The client left while the producer ran.
        case clientLeft
        /// The departure watch stopped without the client leaving, or there is no connection to watch.
        case unwatched
    }
}
