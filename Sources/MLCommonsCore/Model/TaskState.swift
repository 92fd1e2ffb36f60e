/// A task's `state` (and a task response's `status`), as ml-commons' `MLTaskState` writes it.
public enum TaskState: String, Sendable, CaseIterable {
    case created = "CREATED"
    case running = "RUNNING"
    case completed = "COMPLETED"
    case failed = "FAILED"
    case cancelled = "CANCELLED"
    case completedWithError = "COMPLETED_WITH_ERROR"
}
