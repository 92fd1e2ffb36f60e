import MLCommonsCore
import Synchronization

/// The counters `GET /_plugins/_ml/stats` reports for the one node (`MLStats`): requests and failures,
/// deployed models, and per-algorithm and per-model action counts, moved where ml-commons moves them.
final class NodeStats: Sendable {
    /// `ActionName`, keyed in the response by its lower-case name.
    enum Action: String, CaseIterable, Sendable {
        case train, predict, trainPredict = "train_predict", execute, register, deploy, undeploy
    }

    private struct ActionCounts: Sendable {
        var requests = 0
        var failures: Int?
    }

    private struct State: Sendable {
        var requests = 0
        var failures = 0
        var algorithms: [(name: String, actions: [(Action, ActionCounts)])] = []
        var models: [(name: String, actions: [(Action, ActionCounts)])] = []
    }

    private let state = Mutex(State())

    /// One request of `action`: `ml_request_count` and the algorithm's (and model's) action counter.
    func count(_ action: Action, algorithm: String, modelID: String? = nil) {
        state.withLock { state in
            state.requests += 1
            Self.bump(&state.algorithms, algorithm.lowercased(), action) { $0.requests += 1 }
            if let modelID { Self.bump(&state.models, modelID, action) { $0.requests += 1 } }
        }
    }

    /// A failed request, on the node and the algorithm's action; register and deploy leave out their
    /// "expected" failures (bad arguments, missing resources, limits), as `MLModelManager` does.
    func countFailure(_ action: Action, algorithm: String, modelID: String? = nil, _ error: any Error) {
        if action == .register || action == .deploy, let error = error as? any OpenSearchErrorConvertible {
            let type = error.openSearchError.type
            if type == "illegal_argument_exception" || type.hasSuffix("not_found_exception") || type == "m_l_limit_exceeded_exception" { return }
        }
        state.withLock { state in
            state.failures += 1
            Self.bump(&state.algorithms, algorithm.lowercased(), action) { $0.failures = ($0.failures ?? 0) + 1 }
            if let modelID { Self.bump(&state.models, modelID, action) { $0.failures = $0.failures ?? 0 } }
        }
    }

    func reset() { state.withLock { $0 = State() } }

    /// The node-level stats by name, in `MLNodeLevelStat` order.
    func nodeLevel(executingTasks: Int, deployedModels: Int) -> [(String, JSONValue)] {
        state.withLock { state in
            [
                ("ml_jvm_heap_usage", 0.json),
                ("ml_executing_task_count", executingTasks.json),
                ("ml_request_count", state.requests.json),
                ("ml_failure_count", state.failures.json),
                ("ml_deployed_model_count", deployedModels.json),
                ("ml_circuit_breaker_trigger_count", 0.json),
            ]
        }
    }

    /// `algorithms` and `models`: `{name: {action: {ml_action_request_count, ml_action_failure_count?}}}`.
    func actionLevel() -> (algorithms: JSONObject, models: JSONObject) {
        state.withLock { state in
            (Self.render(state.algorithms), Self.render(state.models))
        }
    }

    private static func render(_ entries: [(name: String, actions: [(Action, ActionCounts)])]) -> JSONObject {
        JSONObject(entries.map { entry in
            (entry.name, .object(JSONObject(entry.actions.map { action, counts in
                var object: JSONObject = ["ml_action_request_count": counts.requests.json]
                if let failures = counts.failures { object["ml_action_failure_count"] = failures.json }
                return (action.rawValue, .object(object))
            })))
        })
    }

    private static func bump(
        _ entries: inout [(name: String, actions: [(Action, ActionCounts)])], _ name: String, _ action: Action,
        _ change: (inout ActionCounts) -> Void
    ) {
        let index = entries.firstIndex { $0.name == name } ?? {
            entries.append((name, []))
            return entries.count - 1
        }()
        let actionIndex = entries[index].actions.firstIndex { $0.0 == action } ?? {
            entries[index].actions.append((action, ActionCounts()))
            return entries[index].actions.count - 1
        }()
        change(&entries[index].actions[actionIndex].1)
    }
}
