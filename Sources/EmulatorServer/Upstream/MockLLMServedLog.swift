import MLCommonsCore
import Synchronization

/// The requests the mock LLM answered over HTTP and how each ended, newest last, so a test can see from the
/// provider's side whether its client waited for the answer or left early.
final class MockLLMServedLog: Sendable {
    /// How one answer ended.
    enum Outcome: String, Sendable {
        case answering
        case completed
        /// The client closed its connection before the answer was complete.
        case clientLeft = "client_left"
        case failed
    }

    struct Entry: Sendable {
        let method: String
        let path: String
        let status: Int
        let startedAt: Int64
        var endedAt: Int64?
        var outcome: Outcome

        var json: JSONValue {
            var object: JSONObject = [
                "method": .string(method), "path": .string(path), "status": .number(JSONNumber(status)),
                "outcome": .string(outcome.rawValue), "started_at": .number(JSONNumber(Int(startedAt))),
            ]
            if let endedAt { object["ended_at"] = .number(JSONNumber(Int(endedAt))) }
            return .object(object)
        }
    }

    /// Older entries are dropped beyond this many.
    static let capacity = 200

    private let state = Mutex((entries: [Entry](), dropped: 0))

    var entries: [Entry] { state.withLock { $0.entries } }

    /// Records an answer that starts now; returns its handle for ``finish(_:outcome:at:)``.
    func start(method: String, path: String, status: Int, at now: Int64) -> Int {
        state.withLock { state in
            state.entries.append(Entry(method: method, path: path, status: status, startedAt: now, outcome: .answering))
            if state.entries.count > Self.capacity {
                state.entries.removeFirst()
                state.dropped += 1
            }
            return state.dropped + state.entries.count - 1
        }
    }

    func finish(_ handle: Int, outcome: Outcome, at now: Int64) {
        state.withLock { state in
            let index = handle - state.dropped
            guard state.entries.indices.contains(index) else { return }
            state.entries[index].outcome = outcome
            state.entries[index].endedAt = now
        }
    }

    /// Forgets every entry; handles of answers still running stay valid (they then point past the log).
    func clear() {
        state.withLock { state in
            state.dropped += state.entries.count
            state.entries.removeAll()
        }
    }
}
