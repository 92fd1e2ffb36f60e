import MLCommonsCore
import MLStore

/// Adding to a container's working memory (`TransportAddMemoriesAction`): the container and its access,
/// a new session when one is due, the working-memory document, then fact extraction in the background.
struct WorkingMemoryService: Sendable {
    let emulator: Emulator

    /// Writes the memory and returns the session it belongs to (if any) and its id.
    func add(_ request: WorkingMemoryInput, user: SecurityUser?) async throws -> (sessionID: String?, id: String) {
        var input = request
        let service = MemoryContainerService(emulator: emulator)
        let container = try await service.stored(input.memoryContainerID)
        try service.checkAccess(container, user, refusal: "User doesn't have permissions to add memory to this container")
        let configuration = container.configuration
        if input.sessionID == nil, input.payloadType == .conversational, !configuration.disableSession,
            configuration.llmID != nil, let sessions = configuration.indexName(.sessions)
        {
            let sessionID = try await createSession(in: sessions, container, input, owner: user?.name)
            var namespace = input.namespace ?? JSONObject()
            namespace["session_id"] = .string(sessionID)
            input.namespace = namespace
        }
        if input.infer, configuration.llmID == nil {
            throw OpenSearchError.illegalArgument("infer=true requires llm_model_id to be configured in memory storage")
        }
        guard let index = configuration.indexName(.working) else { throw OpenSearchError.validationFailed(["index is missing"]) }
        let id = emulator.ids.next()
        _ = try await emulator.documents.put(index, id: id, source: input.document(ownerID: user?.name, now: emulator.nowMillis()))
        if input.infer {
            // The answer goes out first; the facts follow in the background, as ml-commons runs them.
            let extraction = MemoryExtractionService(emulator: emulator)
            let (written, owner) = (input, user?.name)
            emulator.backgroundRuns.start { await extraction.extract(container, written, ownerID: owner) }
        }
        return (input.sessionID, id)
    }

    /// `createNewSessionIfAbsent`: a session summarised by the LLM, its times in seconds as 3.3 writes them.
    private func createSession(
        in index: String, _ container: MemoryContainerService.Container, _ input: WorkingMemoryInput, owner: String?
    ) async throws -> String {
        let summary = try await MemoryExtractionService(emulator: emulator).summarize(container, input)
        let seconds = JSONValue.number(JSONNumber(text: String(emulator.nowMillis() / 1000)))
        var session = JSONObject()
        if let owner { session["owner_id"] = .string(owner) }
        session["memory_container_id"] = .string(input.memoryContainerID)
        session["summary"] = .string(summary)
        session["namespace"] = .object(input.namespace ?? JSONObject())
        session["created_time"] = seconds
        session["last_updated_time"] = seconds
        let sessionID = emulator.ids.next()
        _ = try await emulator.documents.put(index, id: sessionID, source: session)
        return sessionID
    }
}
