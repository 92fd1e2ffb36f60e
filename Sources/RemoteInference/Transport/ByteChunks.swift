import NIOCore
import Synchronization

/// A response body as an async sequence of byte chunks, whatever produced it (a socket, the in-process
/// mock). Iterating it in the request's task keeps back-pressure and cancellation end to end.
public struct ByteChunks: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    private let makeNext: @Sendable () -> @Sendable () async throws -> [UInt8]?

    /// Wraps a sequence of NIO buffers (AsyncHTTPClient's body); `mapError` turns the producer's failures
    /// into ``UpstreamTransportError``s.
    public init<Base: AsyncSequence & Sendable>(
        buffers base: Base, mapError: @escaping @Sendable (any Error) -> any Error = { $0 }
    ) where Base.Element == ByteBuffer {
        makeNext = {
            let box = IteratorBox(base.makeAsyncIterator())
            return {
                do {
                    return try await box.next().map { Array($0.readableBytesView) }
                } catch {
                    throw error is CancellationError ? error : mapError(error)
                }
            }
        }
    }

    /// Wraps a sequence of byte arrays.
    public init<Base: AsyncSequence & Sendable>(
        bytes base: Base, mapError: @escaping @Sendable (any Error) -> any Error = { $0 }
    ) where Base.Element == [UInt8] {
        makeNext = {
            let box = IteratorBox(base.makeAsyncIterator())
            return {
                do {
                    return try await box.next()
                } catch {
                    throw error is CancellationError ? error : mapError(error)
                }
            }
        }
    }

    /// The same body, failing with ``UpstreamTransportError/readTimedOut`` when no chunk arrives within
    /// `limit` (a client's read timeout; a silent body otherwise waits forever).
    public func failingAfterSilence(of limit: Duration) -> ByteChunks {
        let base = self
        return ByteChunks(makeNext: {
            let box = IteratorBox(base.makeAsyncIterator())
            return {
                try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
                    group.addTask { try await box.next() }
                    group.addTask {
                        try await Task.sleep(for: limit)
                        throw UpstreamTransportError.readTimedOut
                    }
                    defer { group.cancelAll() }
                    return try await group.next() ?? nil
                }
            }
        })
    }

    /// The same body, calling `onFirstChunk` when its first bytes arrive and `onEnd` once when it ends
    /// (`nil`) or fails (the error).
    public func observing(
        onFirstChunk: @escaping @Sendable () -> Void = {}, onEnd: @escaping @Sendable ((any Error)?) -> Void
    ) -> ByteChunks {
        let base = self
        return ByteChunks(makeNext: {
            let box = IteratorBox(base.makeAsyncIterator())
            let seen = Atomic(false)
            return {
                do {
                    let chunk = try await box.next()
                    if chunk == nil { onEnd(nil) } else if !seen.exchange(true, ordering: .relaxed) { onFirstChunk() }
                    return chunk
                } catch {
                    onEnd(error)
                    throw error
                }
            }
        })
    }

    private init(makeNext: @escaping @Sendable () -> @Sendable () async throws -> [UInt8]?) {
        self.makeNext = makeNext
    }

    /// A body that is already complete.
    public init(_ bytes: [UInt8]) {
        makeNext = {
            let box = IteratorBox([bytes].filter { !$0.isEmpty }.makeIterator())
            return { box.nextSync() }
        }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let nextChunk: @Sendable () async throws -> [UInt8]?
        public mutating func next() async throws -> [UInt8]? { try await nextChunk() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(nextChunk: makeNext()) }

    /// Reads the whole body, refusing more than `limit` bytes.
    public func collect(upTo limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in self {
            bytes.append(contentsOf: chunk)
            if bytes.count > limit { throw InferenceError(message: "Remote service response is larger than \(limit) bytes") }
        }
        return bytes
    }
}

/// Holds an iterator so a `@Sendable` closure can advance it; only ever used from one task at a time.
private final class IteratorBox<Base>: @unchecked Sendable {
    private var base: Base
    init(_ base: Base) { self.base = base }
}

extension IteratorBox where Base: AsyncIteratorProtocol {
    func next() async throws -> Base.Element? { try await base.next() }
}

extension IteratorBox where Base: IteratorProtocol {
    func nextSync() -> Base.Element? { base.next() }
}
