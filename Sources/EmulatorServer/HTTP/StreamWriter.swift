import AsyncAlgorithms
import Synchronization

/// The producing end of a streamed response body. A write returns once the connection has taken the
/// previous chunk, so a slow client slows the producer (and through it the upstream read) down.
public struct StreamWriter: Sendable {
    /// The client's connection is gone; producers stop quietly on it.
    public struct ClientGone: Error, Sendable {}

    let outlet: StreamOutlet

    /// Hands `bytes` to the connection; throws ``ClientGone`` once the client has left.
    public func write(_ bytes: [UInt8]) async throws {
        guard !outlet.isClosed else { throw ClientGone() }
        await outlet.chunks.send(bytes)
        try Task.checkCancellation()
        // A send also returns when the body stopped taking chunks.
        if outlet.isClosed { throw ClientGone() }
    }

    public func write(_ text: String) async throws { try await write(Array(text.utf8)) }
}

/// The back-pressured channel between a stream producer and the response body, and whether the body
/// stopped taking chunks.
final class StreamOutlet: Sendable {
    let chunks = AsyncChannel<[UInt8]>()
    private let closed = Atomic(false)

    var isClosed: Bool { closed.load(ordering: .acquiring) }

    /// Stops the body from taking more chunks; pending and later writes return at once.
    func close() {
        closed.store(true, ordering: .releasing)
        chunks.finish()
    }
}
