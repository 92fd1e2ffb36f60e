import Hummingbird
import NIOCore
import Synchronization

/// The response body's writer, handed to a stream's producer: each chunk goes to the connection as its own
/// write, from the producer's task. A queue and a second task in between woke another thread for every chunk,
/// the first one included.
///
/// Back-pressure is the connection's own: a write waits while the channel is not writable, and with it the
/// producer and its upstream read. Writes come one at a time: every producer writes from one task, in sequence
/// (an actor would not do, since it is reentrant across the write's suspension).
final class ResponseBodySink: @unchecked Sendable {
    // The producer's task alone uses `writer` and `statistics` while it runs; the body's task after it ends.
    private var writer: any ResponseBodyWriter
    private(set) var statistics = StreamStatistics()
    private let gone = Atomic(false)
    private let writing = Atomic(false)

    init(_ writer: any ResponseBodyWriter) { self.writer = writer }

    /// Whether the client left: a write failed, or its connection's input closed.
    var isGone: Bool { gone.load(ordering: .acquiring) }

    /// Every later write throws ``StreamWriter/ClientGone``.
    func markGone() { gone.store(true, ordering: .releasing) }

    /// Writes `bytes` as one chunk; throws ``StreamWriter/ClientGone`` once the client has left or the producer
    /// is cancelled.
    func write(_ bytes: [UInt8]) async throws {
        guard !isGone, !Task.isCancelled else { throw StreamWriter.ClientGone() }
        let overlapping = writing.exchange(true, ordering: .acquiring)
        assert(!overlapping, "two tasks wrote to one stream at once")
        defer { writing.store(false, ordering: .releasing) }
        if statistics.firstChunkAt == nil { statistics.firstChunkAt = .now }
        statistics.chunks += 1
        statistics.bytes += bytes.count
        do {
            try await writer.write(ByteBuffer(bytes: bytes))
        } catch {
            markGone()
            throw StreamWriter.ClientGone()
        }
    }

    /// Ends the body; call once the producer has ended. Throws ``StreamWriter/ClientGone`` when the connection
    /// is gone, as a failed write does.
    func finish() async throws {
        let writer = self.writer
        do {
            try await writer.finish(nil)
        } catch {
            markGone()
            throw StreamWriter.ClientGone()
        }
    }
}
