import Hummingbird
import NIOCore

/// Runs a stream producer beside the response body that writes its chunks, and stops the producer (and any
/// upstream call it waits on) as soon as the client leaves: at a failed write, or when the connection's
/// input closes while nothing is being written.
enum StreamedResponseBody {
    /// - Parameter onEnd: told what the stream did (chunks, first chunk, outcome) once it is over.
    static func make(
        _ producer: @escaping @Sendable (StreamWriter) async throws -> Void, context: EmulatorRequestContext,
        onEnd: @escaping @Sendable (StreamStatistics) -> Void = { _ in }
    ) -> ResponseBody {
        ResponseBody { writer in
            var statistics = StreamStatistics()
            do {
                try await pump(producer, departure: { await context.clientDeparture() }) { chunk in
                    if statistics.firstChunkAt == nil { statistics.firstChunkAt = .now }
                    statistics.chunks += 1
                    statistics.bytes += chunk.count
                    try await writer.write(ByteBuffer(bytes: chunk))
                }
                try await writer.finish(nil)
            } catch {
                statistics.outcome = error is StreamWriter.ClientGone ? .clientGone : .failed
                onEnd(statistics)
                throw error
            }
            onEnd(statistics)
        }
    }

    /// Feeds the producer's chunks to `write` until the producer ends; throws ``StreamWriter/ClientGone``
    /// when the client left first, or the producer's own error.
    /// - Parameter departure: finds the connection's departure signal; it is looked up beside the producer, not
    ///   before it, since the lookup is a round trip to the connection's event loop (time to first chunk).
    static func pump(
        _ producer: @escaping @Sendable (StreamWriter) async throws -> Void,
        departure: @escaping @Sendable () async -> ClientDeparture?,
        write: ([UInt8]) async throws -> Void
    ) async throws {
        let outlet = StreamOutlet()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { outlet.finish() }
                try await producer(StreamWriter(outlet: outlet))
            }
            group.addTask {
                if let departure = await departure(), await departure.wait() { outlet.close() }
            }
            var clientLeft = false
            do {
                while let chunk = await outlet.next() {
                    try await write(chunk)
                }
            } catch {
                clientLeft = true
            }
            // A closed outlet, or a body cancelled at shutdown, is a cut stream, not a complete one.
            if outlet.isClosed || Task.isCancelled { clientLeft = true }
            outlet.close()
            group.cancelAll()
            var failure: (any Error)?
            while let result = await group.nextResult() {
                if case .failure(let error) = result, failure == nil,
                    !(error is StreamWriter.ClientGone), !(error is CancellationError)
                {
                    failure = error
                }
            }
            if clientLeft { throw StreamWriter.ClientGone() }
            if let failure { throw failure }
        }
    }
}
