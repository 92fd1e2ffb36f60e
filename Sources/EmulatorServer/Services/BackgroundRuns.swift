import Synchronization

/// Work that outlives its request (`_execute?async=true` agent runs), so a reset can stop it before wiping
/// the store it would write its task document back into.
final class BackgroundRuns: Sendable {
    private let state = Mutex((next: 0, tasks: [Int: Task<Void, Never>]()))

    /// Starts `work` in the background; it forgets itself when it ends.
    func start(_ work: @escaping @Sendable () async -> Void) {
        state.withLock { state in
            let id = state.next
            state.next += 1
            state.tasks[id] = Task { [weak self] in
                await work()
                self?.state.withLock { _ = $0.tasks.removeValue(forKey: id) }
            }
        }
    }

    /// Cancels every run still going and waits until each has stopped.
    func cancelAll() async {
        let running = state.withLock { state in
            defer { state.tasks.removeAll() }
            return Array(state.tasks.values)
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    var count: Int { state.withLock { $0.tasks.count } }
}
