import MLAlgorithms
import MLCommonsCore

/// `_train`, `_train_predict` and `_execute` of the built-in algorithms (`_predict` of a trained model is
/// with the predict routes).
enum AlgorithmRoutes {
    static let base = "/_plugins/_ml"

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        routes.add("POST", "\(base)/_train/{algorithm}", query: ["async"]) { request in
            let algorithm = try AlgorithmService.functionName(request.parameter("algorithm"))
            let body = try RequestObject(try request.jsonBody() ?? [:])
            let service = AlgorithmService(emulator: emulator)
            guard request.flag("async") else {
                let modelID = try await counted(.train, algorithm, emulator) { try await service.train(algorithm, body) }
                return .json(["model_id": .string(modelID), "status": "COMPLETED"])
            }
            return .json(["task_id": .string(try await trainAsync(algorithm, body, emulator)), "status": "CREATED"])
        }
        routes.add("POST", "\(base)/_train_predict/{algorithm}", query: ["async"]) { request in
            let algorithm = try AlgorithmService.functionName(request.parameter("algorithm"))
            let body = try RequestObject(try request.jsonBody() ?? [:])
            return .json(try await counted(.trainPredict, algorithm, emulator) {
                try await AlgorithmService(emulator: emulator).trainAndPredict(algorithm, body)
            })
        }
        routes.add("POST", "\(base)/_execute/{algorithm}") { request in
            let algorithm = try AlgorithmService.functionName(request.parameter("algorithm"))
            let body = try request.jsonBody() ?? [:]
            // Body errors are plain OpenSearch errors; the run's own errors use `_execute`'s format.
            switch algorithm {
            case "LOCAL_SAMPLE_CALCULATOR":
                let (operation, values) = try LocalSampleCalculator.parse(body)
                return try await executed(algorithm, emulator) { try LocalSampleCalculator.run(operation: operation, values: values) }
            case "ANOMALY_LOCALIZATION":
                let input = try AnomalyLocalization(parsing: body)
                return try await executed(algorithm, emulator) {
                    guard try await emulator.documents.indexExists(input.indexName) else {
                        throw OpenSearchError("IndexNotFoundException", reason: "no such index [Failed to find index: \(input.indexName)]", status: 404)
                    }
                    let documents = try await emulator.documents.documents(input.indexName)
                    return try await OffloadedWork.run { try input.run(over: documents) }
                }
            case "METRICS_CORRELATION":
                return try await executed(algorithm, emulator) {
                    guard emulator.settings.isEnabled("plugins.ml_commons.enable_inhouse_python_model") else {
                        throw OpenSearchError.illegalArgument("This algorithm is not enabled from settings")
                    }
                    throw OpenSearchError.illegalArgument(
                        "the emulator does not run METRICS_CORRELATION: it needs ml-commons' TorchScript model from artifacts.opensearch.org")
                }
            default:
                throw OpenSearchError(
                    "NamedObjectNotFoundException", reason: "unable to parse Input with name [\(algorithm)]: parser not found", status: 400)
            }
        }
    }

    /// A request counted in the node's stats, its failure too.
    static func counted<T: Sendable>(
        _ action: NodeStats.Action, _ algorithm: String, _ emulator: Emulator, _ work: () async throws -> T
    ) async throws -> T {
        emulator.nodeStats.count(action, algorithm: algorithm)
        do {
            return try await work()
        } catch {
            emulator.nodeStats.countFailure(action, algorithm: algorithm, error)
            throw error
        }
    }

    /// `RestMLExecuteAction.reportError`: `{"status": …, "error": {"type", "reason", "details"}}`.
    static func executed(_ algorithm: String, _ emulator: Emulator, _ work: () async throws -> JSONValue) async throws -> RESTResponse {
        do {
            return .json(try await counted(.execute, algorithm, emulator, work))
        } catch {
            let failure = OpenSearchError(reporting: error)
            let javaClass = failure.type.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            let body: JSONValue = [
                "status": failure.status.json,
                "error": [
                    "type": .string(javaClass), "reason": failure.status == 400 ? "Invalid Request" : "System Error",
                    "details": .string(failure.reason),
                ],
            ]
            return .json(body, status: failure.status)
        }
    }

    /// `?async=true` training: a `TRAINING` task, then `COMPLETED` with the model or `FAILED`.
    static func trainAsync(_ algorithm: String, _ body: RequestObject, _ emulator: Emulator) async throws -> String {
        let taskID = emulator.ids.next()
        var task = TaskDocument.make(
            modelID: nil, type: "TRAINING", functionName: algorithm, state: .created, workerNode: emulator.node.nodeID,
            isAsync: true, now: emulator.nowMillis())
        task["input_type"] = body.object["input_data"] != nil ? "DATA_FRAME" : "SEARCH_QUERY"
        // The runner marks the task RUNNING as it picks it up; under a delay or a hold it stays so meanwhile.
        if emulator.localTasks.timing != .instant { task["state"] = .string(TaskState.running.rawValue) }
        _ = try await emulator.documents.put(SystemIndex.task, id: taskID, source: task.ordered(by: TaskDocument.fieldOrder))
        await emulator.localTasks.run(taskID) {
            do {
                let modelID = try await counted(.train, algorithm, emulator) { try await AlgorithmService(emulator: emulator).train(algorithm, body) }
                let now = emulator.nowMillis()
                _ = try await emulator.documents.update(SystemIndex.task, id: taskID) { TaskDocument.completed($0, modelID: modelID, now: now) }
            } catch {
                try? await LocalModelService(emulator: emulator).failTask(taskID, message: LocalModelService.taskError(error))
            }
        }
        return taskID
    }
}
