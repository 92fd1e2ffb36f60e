import MLCommonsCore
import Synchronization

/// Runs the second half of a local model's register or deploy task, when the task timing says so: inline
/// for `instant`, in the background after a delay, or in the background once a test releases it.
final class LocalTaskRunner: Sendable {
    private struct State {
        var timing = TaskTiming.instant
        /// Manual tasks not yet released, and the continuations of those already waiting.
        var pending: Set<String> = []
        var waiting: [String: CheckedContinuation<Void, Never>] = [:]
        var released: Set<String> = []
        /// Tasks whose second half has not finished (`ml_executing_task_count`).
        var executing = 0
        /// Delayed and held tasks not yet finished: what the node's task cache shows the profile.
        var active: Set<String> = []
    }

    private let state = Mutex(State())
    private let background: BackgroundRuns

    init(background: BackgroundRuns) { self.background = background }

    var timing: TaskTiming {
        get { state.withLock { $0.timing } }
        set { state.withLock { $0.timing = newValue } }
    }

    /// Task ids waiting for a release.
    var held: [String] { state.withLock { $0.pending.sorted() } }

    /// Register and deploy tasks not yet finished.
    var executing: Int { state.withLock { $0.executing } }

    /// Delayed and held task ids not yet finished.
    var active: [String] { state.withLock { $0.active.sorted() } }

    /// Runs `finish` for `taskID` under the current timing; returns at once unless the timing is `instant`.
    func run(_ taskID: String, _ work: @escaping @Sendable () async -> Void) async {
        state.withLock { $0.executing += 1 }
        let finish: @Sendable () async -> Void = { [self] in
            await work()
            state.withLock { state in
                state.executing -= 1
                state.active.remove(taskID)
            }
        }
        if timing != .instant { state.withLock { _ = $0.active.insert(taskID) } }
        switch timing {
        case .instant:
            await finish()
        case .delay(let milliseconds):
            background.start { [self] in
                try? await Task.sleep(for: .milliseconds(milliseconds))
                guard !Task.isCancelled else { return state.withLock { $0.executing -= 1 } }
                await finish()
            }
        case .manual:
            state.withLock { _ = $0.pending.insert(taskID) }
            background.start { [self] in
                await waitForRelease(taskID)
                guard !Task.isCancelled else { return state.withLock { $0.executing -= 1 } }
                await finish()
            }
        }
    }

    /// Lets a held task finish; false when no task of that id is waiting.
    @discardableResult
    func release(_ taskID: String) -> Bool {
        let (known, continuation) = state.withLock { state -> (Bool, CheckedContinuation<Void, Never>?) in
            guard state.pending.remove(taskID) != nil else { return (false, nil) }
            if let waiting = state.waiting.removeValue(forKey: taskID) { return (true, waiting) }
            state.released.insert(taskID)
            return (true, nil)
        }
        continuation?.resume()
        return known
    }

    /// Lets every held task finish; returns their ids.
    func releaseAll() -> [String] {
        let ids = held
        for id in ids { release(id) }
        return ids
    }

    /// Back to instant timing. Background runs are cancelled by the reset (which resumes their waits);
    /// an instant run still in its request finishes and counts itself out.
    func reset() {
        state.withLock { state in
            state.timing = .instant
            state.pending.removeAll()
            state.released.removeAll()
            state.active.removeAll()
        }
    }

    private func waitForRelease(_ taskID: String) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let proceed = state.withLock { state in
                    if Task.isCancelled || state.released.remove(taskID) != nil || !state.pending.contains(taskID) { return true }
                    state.waiting[taskID] = continuation
                    return false
                }
                if proceed { continuation.resume() }
            }
        } onCancel: {
            let continuation = state.withLock { $0.waiting.removeValue(forKey: taskID) }
            continuation?.resume()
        }
    }
}
