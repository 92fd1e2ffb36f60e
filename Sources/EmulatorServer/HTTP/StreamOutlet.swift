import Synchronization

/// The back-pressured queue between a stream producer and the response body, and whether the body stopped
/// taking chunks.
///
/// The producer runs up to ``bufferLimit`` bytes ahead of the connection rather than waiting for each chunk to
/// be taken: a hand-over per chunk put two task switches on every chunk of every stream. Each chunk is still
/// written on its own, so the response's framing does not change.
final class StreamOutlet: Sendable {
    /// How far the producer may run ahead of the connection, in bytes.
    static let bufferLimit = 16 * 1024

    private struct State {
        var chunks: [[UInt8]] = []
        /// Index of the next chunk to hand out, so taking one does not shift the array.
        var head = 0
        var bytes = 0
        var finished = false
        var closed = false
        var consumer: CheckedContinuation<[UInt8]?, Never>?
        /// Producers waiting for room, by ticket (one at a time in practice; more are allowed).
        var producers: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextTicket: UInt64 = 0

        mutating func take() -> [UInt8]? {
            guard head < chunks.count else { return nil }
            let chunk = chunks[head]
            head += 1
            bytes -= chunk.count
            if head == chunks.count {
                chunks.removeAll(keepingCapacity: true)
                head = 0
            }
            return chunk
        }

        /// The producers to wake once enough has been taken.
        mutating func producersToWake() -> [CheckedContinuation<Void, Never>] {
            guard bytes <= StreamOutlet.bufferLimit, !producers.isEmpty else { return [] }
            defer { producers = [:] }
            return Array(producers.values)
        }
    }

    private let state = Mutex(State())
    private let closed = Atomic(false)

    var isClosed: Bool { closed.load(ordering: .acquiring) }

    /// Queues a chunk; returns at once while the queue holds at most ``bufferLimit`` bytes, else once the body
    /// has taken enough, stopped taking, or the producer is cancelled. A closed or finished outlet drops it.
    func send(_ bytes: [UInt8]) async {
        let handOver = state.withLock { state -> CheckedContinuation<[UInt8]?, Never>? in
            guard !state.closed, !state.finished else { return nil }
            if let consumer = state.consumer {
                state.consumer = nil
                return consumer
            }
            state.chunks.append(bytes)
            state.bytes += bytes.count
            return nil
        }
        if let handOver {
            handOver.resume(returning: bytes)
            return
        }
        let ticket = state.withLock { state -> UInt64? in
            guard state.bytes > Self.bufferLimit, !state.closed else { return nil }
            state.nextTicket += 1
            return state.nextTicket
        }
        guard let ticket else { return }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let waits = state.withLock { state in
                    guard state.bytes > Self.bufferLimit, !state.closed, !Task.isCancelled else { return false }
                    state.producers[ticket] = continuation
                    return true
                }
                if !waits { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.producers.removeValue(forKey: ticket) }?.resume()
        }
    }

    /// The next chunk, or nil once the producer finished and every chunk was taken, the outlet was closed, or the
    /// taking task is cancelled.
    func next() async -> [UInt8]? {
        let (ready, wake, ended) = state.withLock { state in
            let chunk = state.take()
            return (chunk, state.producersToWake(), chunk == nil && (state.finished || state.closed))
        }
        for producer in wake { producer.resume() }
        if let ready { return ready }
        if ended { return nil }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<[UInt8]?, Never>) in
                let (now, wake) = state.withLock { state -> ([UInt8]??, [CheckedContinuation<Void, Never>]) in
                    if let chunk = state.take() { return (.some(chunk), state.producersToWake()) }
                    if state.finished || state.closed || Task.isCancelled { return (.some(nil), []) }
                    state.consumer = continuation
                    return (nil, [])
                }
                for producer in wake { producer.resume() }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            state.withLock { $0.consumer.take() }?.resume(returning: nil)
        }
    }

    /// The producer is done: the body takes what is queued, then ends.
    func finish() {
        let consumer = state.withLock { state -> CheckedContinuation<[UInt8]?, Never>? in
            state.finished = true
            return state.consumer.take()
        }
        consumer?.resume(returning: nil)
    }

    /// Stops the body from taking more chunks; pending and later sends return at once.
    func close() {
        closed.store(true, ordering: .releasing)
        let (consumer, producers) = state.withLock { state in
            state.closed = true
            state.chunks.removeAll()
            state.head = 0
            state.bytes = 0
            defer { state.producers = [:] }
            return (state.consumer.take(), Array(state.producers.values))
        }
        consumer?.resume(returning: nil)
        for producer in producers { producer.resume() }
    }
}
