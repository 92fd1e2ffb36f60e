import Foundation
import MLCommonsCore
import MLStore
import RemoteInference
import WireFormats

/// Local (non-remote) models: registration by name from the pretrained catalogue or from a URL, and the
/// deprecated meta-and-chunks upload, each written as ml-commons writes it. Register answers with a
/// `CREATED` task; the task's second half runs under the emulator's task timing.
struct LocalModelService: Sendable {
    let emulator: Emulator

    /// ml-commons splits model content into 10,000,000-byte chunks (`ModelHelper.CHUNK_SIZE`).
    static let chunkSize = 10_000_000
    static let notInCatalogue = "This model is not in the pre-trained model list, please check your parameters."

    /// `_register` for a local model: the checks ml-commons makes before answering, the model group, and a
    /// `CREATED` register task whose work runs under the task timing. Returns the task id.
    func register(_ registration: ModelRegistration, deploy: Bool, user: SecurityUser? = nil) async throws -> String {
        try await requireLocalModels()
        if registration.url != nil, !emulator.settings.isEnabled("plugins.ml_commons.allow_registering_model_via_url") {
            throw OpenSearchError.illegalArgument(
                "To upload custom model user needs to enable allow_registering_model_via_url settings. Otherwise please use OpenSearch pre-trained models.")
        }
        let groupID = try await ModelService(emulator: emulator).groupID(
            name: registration.name, description: registration.description, given: registration.modelGroupID,
            accessControl: registration.accessControl, user: user, isPretrained: registration.url == nil)
        if let url = registration.url {
            let pattern = emulator.settings.current.list("plugins.ml_commons.trusted_url_regex").first ?? ""
            guard (try? LinearRegex(pattern).isFound(in: url)) == true else {
                throw OpenSearchError.illegalArgument("URL can't match trusted url regex")
            }
        }
        let taskID = emulator.ids.next()
        let task = TaskDocument.make(
            modelID: nil, type: "REGISTER_MODEL", functionName: registration.functionName, state: .created,
            workerNode: emulator.node.nodeID, isAsync: true, now: emulator.nowMillis())
        _ = try await emulator.documents.put(SystemIndex.task, id: taskID, source: task)
        emulator.nodeStats.count(.register, algorithm: registration.functionName)
        await emulator.localTasks.run(taskID) {
            await finishRegistration(registration, groupID: groupID, taskID: taskID, deploy: deploy)
        }
        return taskID
    }

    /// The worker's half: the group's next version, the artifact, the model and chunk documents, the task.
    private func finishRegistration(_ registration: ModelRegistration, groupID: String, taskID: String, deploy: Bool) async {
        do {
            let version = try await ModelService(emulator: emulator).nextVersion(ofGroup: groupID)
            let artifact = try await ModelArtifact.resolve(registration, downloader: ModelArtifactDownloader())
            if artifact.functionName != registration.functionName {
                _ = try await emulator.documents.update(SystemIndex.task, id: taskID) { task in
                    var task = task
                    task["function_name"] = .string(artifact.functionName)
                    task["last_update_time"] = emulator.nowMillis().json
                    return task
                }
            }
            let modelID = emulator.ids.next()
            let now = emulator.nowMillis()
            var model = artifact.modelDocument(registration, groupID: groupID, version: version, now: now)
            let chunks = artifact.chunkDocuments(modelID: modelID, model: model, chunkSize: Self.chunkSize)
            model["model_state"] = .string(ModelState.registered.rawValue)
            model["last_registered_time"] = now.json
            model["total_chunks"] = chunks.count.json
            model["model_content_hash_value"] = .string(artifact.contentHash)
            model["model_content_size_in_bytes"] = artifact.contentSize.json
            let stored = model.ordered(by: ModelRegistration.fieldOrder)
            try await emulator.documents.transaction { tx in
                _ = try tx.put(SystemIndex.model, id: modelID, source: stored)
                for (number, chunk) in chunks.enumerated() { _ = try tx.put(SystemIndex.model, id: "\(modelID)_\(number)", source: chunk) }
                if let task = try tx.document(SystemIndex.task, id: taskID)?.source {
                    _ = try tx.put(SystemIndex.task, id: taskID, source: TaskDocument.completed(task, modelID: modelID, now: now))
                }
            }
            if deploy {
                _ = try await LocalModelDeployment(emulator: emulator).deploy(try await emulator.lifecycle.stored(modelID), nodeIDs: nil)
            }
        } catch {
            emulator.nodeStats.countFailure(.register, algorithm: registration.functionName, error)
            try? await failTask(taskID, message: Self.taskError(error))
        }
    }

    /// `allow_registering_model_via_local_file`, checked before the body is read; the meta action words it
    /// without a final period, the chunk action with one.
    func requireLocalFileUploads(period: Bool) async throws {
        guard emulator.settings.isEnabled("plugins.ml_commons.allow_registering_model_via_local_file") else {
            throw OpenSearchError.illegalArgument(
                "To upload custom model from local file, user needs to enable allow_registering_model_via_local_file settings. Otherwise please use opensearch pre-trained models" + (period ? "." : ""))
        }
    }

    /// `_register_meta` (and the deprecated `meta`): a `REGISTERING` model waiting for its chunks.
    func registerMeta(_ request: RESTRequest) async throws -> String {
        try await requireLocalFileUploads(period: false)
        guard let body = try request.jsonBody() else {
            throw OpenSearchError("IOException", reason: "Model meta request has empty body", status: 500)
        }
        let meta = try ModelMetaRegistration(parsing: body)
        let service = ModelService(emulator: emulator)
        let groupID = try await service.groupID(
            name: meta.name, description: meta.description, given: meta.modelGroupID, accessControl: meta.accessControl,
            user: await emulator.modelAccessUser(request))
        let version = try await service.nextVersion(ofGroup: groupID)
        let modelID = emulator.ids.next()
        _ = try await emulator.documents.put(
            SystemIndex.model, id: modelID, source: meta.document(groupID: groupID, version: version, now: emulator.nowMillis()))
        emulator.nodeStats.count(.register, algorithm: meta.functionName)
        return modelID
    }

    /// `upload_chunk/{n}` (and the deprecated `chunk/{n}`): the body's raw bytes as chunk `n`; the
    /// highest-numbered chunk re-indexes the model as `REGISTERED`, as `MLModelChunkUploader` does.
    func uploadChunk(modelID: String, chunkNumber text: String, bytes: [UInt8]) async throws {
        guard let number = Int32(text).map(Int.init) else {
            throw OpenSearchError("NumberFormatException", reason: "For input string: \"\(text)\"", status: 400)
        }
        try await requireLocalFileUploads(period: true)
        guard let model = try await emulator.documents.document(SystemIndex.model, id: modelID)
        else { throw OpenSearchError("MLResourceNotFoundException", reason: "Failed to find model", status: 500) }
        let total = model.source["total_chunks"]?.numberValue?.intValue ?? 0
        guard number < total else { throw OpenSearchError("Exception", reason: "Chunk number exceeds total chunks", status: 500) }
        guard !bytes.isEmpty else { throw OpenSearchError("Exception", reason: "Chunk size either 0 or null", status: 500) }
        guard bytes.count <= Self.chunkSize else { throw OpenSearchError("Exception", reason: "Chunk size exceeds 10MB", status: 500) }
        var chunk = JSONObject()
        for key in ["model_group_id", "algorithm", "model_version"] { chunk[key] = model.source[key] }
        chunk["model_content"] = .string(Data(bytes).base64EncodedString())
        chunk["model_format"] = model.source["model_format"]
        chunk["model_id"] = .string(modelID)
        chunk["chunk_number"] = number.json
        chunk["total_chunks"] = total.json
        let finished = chunk
        try await emulator.documents.transaction { tx in
            _ = try tx.put(SystemIndex.model, id: "\(modelID)_\(number)", source: finished)
            if number + 1 == total {
                var registered = JSONObject()
                for key in ["name", "model_group_id", "algorithm", "model_version", "model_format"] { registered[key] = model.source[key] }
                registered["model_state"] = .string(ModelState.registered.rawValue)
                for key in ["model_content_size_in_bytes", "model_content_hash_value", "model_config", "created_time", "total_chunks"] {
                    registered[key] = model.source[key]
                }
                _ = try tx.put(SystemIndex.model, id: modelID, source: registered)
            }
        }
    }

    /// `Local Model is currently disabled…` (500), as the register and deploy actions check it.
    func requireLocalModels() async throws {
        guard emulator.settings.isEnabled(MLCommonsSettings.localModelEnabled) else {
            throw OpenSearchError.illegalState(
                "Local Model is currently disabled. To enable it, update the setting \"plugins.ml_commons.local_model.enabled\" to true.")
        }
    }

    /// A failed task: `error` and `state`, as `MLModelManager.handleException` writes them.
    func failTask(_ taskID: String, message: String) async throws {
        let now = emulator.nowMillis()
        _ = try await emulator.documents.update(SystemIndex.task, id: taskID) { TaskDocument.failed($0, error: message, now: now) }
    }

    /// The task's `error`: the root cause's message, without its class name.
    static func taskError(_ error: any Error) -> String {
        if let failure = error as? ModelArtifactDownloader.Failure { return failure.message }
        if let convertible = error as? any OpenSearchErrorConvertible { return convertible.openSearchError.rootCause.reason }
        return String(describing: error)
    }
}
