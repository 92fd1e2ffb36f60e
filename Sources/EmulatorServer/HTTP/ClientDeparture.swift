import Synchronization

/// Whether the client of one connection has gone: its input closed or the connection dropped.
///
/// The server allows remote half-closure, so a client that leaves shows up as an input-closed event, not as
/// a closed channel; a response that waits on a silent upstream learns of it here, not at its next write.
final class ClientDeparture: Sendable {
    private struct State {
        var gone = false
        var nextWaiter: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Bool, Never>] = [:]
    }

    private let state = Mutex(State())

    /// Whether the client has gone.
    var isGone: Bool { state.withLock { $0.gone } }

    /// Records that the client left and wakes every waiter.
    func markGone() {
        let waiters = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.gone = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: true) }
    }

    /// Suspends until the client leaves (`true`) or the calling task is cancelled (`false`).
    func wait() async -> Bool {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let immediate: Bool? = state.withLock { state in
                    if state.gone { return true }
                    if Task.isCancelled { return false }
                    state.waiters[id] = continuation
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(returning: false)
        }
    }
}
