import MLCommonsCore

/// How long a local model's register and deploy tasks take in the emulator: the time control a test sets
/// through `PUT /__emulator/tasks/timing`, so clients' polling code can be tested deterministically.
enum TaskTiming: Sendable, Hashable {
    /// The task is done before `_register` or `_deploy` answers (the default).
    case instant
    /// The task stays `CREATED` (a deploy `RUNNING`) for this long, then completes.
    case delay(milliseconds: Int)
    /// The task waits until the test releases it (`POST /__emulator/tasks/{task_id}/_release`).
    case manual

    init(parsing value: JSONValue) throws(OpenSearchError) {
        let fields = try RequestObject(value)
        switch try fields.string("mode") {
        case "instant"?: self = .instant
        case "manual"?: self = .manual
        case "delay"?:
            guard let milliseconds = try fields.int("delay_ms"), milliseconds >= 0 else {
                throw .illegalArgument("[delay_ms] must be a non-negative number of milliseconds for mode [delay]")
            }
            self = .delay(milliseconds: milliseconds)
        case let other:
            throw .illegalArgument("unknown task timing mode [\(other ?? "null")]; use instant, delay or manual")
        }
    }

    var json: JSONValue {
        switch self {
        case .instant: ["mode": "instant"]
        case .delay(let milliseconds): ["mode": "delay", "delay_ms": milliseconds.json]
        case .manual: ["mode": "manual"]
        }
    }
}
