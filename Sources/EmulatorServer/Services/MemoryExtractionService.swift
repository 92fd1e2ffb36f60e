import Logging
import MLCommonsCore
import MLStore

/// Long-term memory from conversations (`infer: true`), as ml-commons 3.3 does it after answering the add:
/// each enabled strategy whose namespace keys the request carries asks the container's LLM for facts, looks
/// for similar memories by embedding, asks the LLM what to add, update or delete when it finds some, and
/// writes the memories and their history. Failures are logged and, for the extraction, written to history.
struct MemoryExtractionService: Sendable {
    let emulator: Emulator

    private var logger: Logger { emulator.logger }

    func extract(_ container: MemoryContainerService.Container, _ input: WorkingMemoryInput, ownerID: String?) async {
        let configuration = container.configuration
        let containerID = container.document.id
        let messages = input.messages ?? []
        guard let namespace = input.namespace else {
            await writeError("Cannot invoke \"java.util.Map.containsKey(Object)\" because \"inputNamespace\" is null",
                namespace: nil, input: input, ownerID: ownerID, containerID: containerID, configuration: configuration)
            return
        }
        var parameters = configuration.parameters
        for (key, value) in input.parameters ?? JSONObject() { parameters[key] = value }
        await withTaskGroup(of: Void.self) { group in
            for strategy in configuration.strategies where strategy.enabled != false {
                guard let scoped = strategy.scopedNamespace(in: namespace) else {
                    logger.info("skipping memory strategy: the request's namespace lacks its keys", metadata: ["strategy": "\(strategy.id ?? "")"])
                    continue
                }
                let run = StrategyRun(
                    strategy: strategy, namespace: JavaHashMapOrder.ordered(scoped), messages: messages, tags: input.tags,
                    ownerID: ownerID, containerID: containerID, configuration: configuration, parameters: parameters)
                group.addTask { await self.run(run, input: input) }
            }
        }
    }

    /// The summary of a new session (`summarizeMessages`): the container's LLM asked with the session prompt,
    /// `max_summary_size` words at most (10 unless `parameters.session` says otherwise).
    func summarize(_ container: MemoryContainerService.Container, _ input: WorkingMemoryInput) async throws -> String {
        guard let llmID = container.configuration.llmID else { return "" }
        var parameters = container.configuration.parameters
        for (key, value) in input.parameters ?? JSONObject() { parameters[key] = value }
        var request = ["system_prompt": AgenticMemoryPrompts.sessionSummary]
        for (key, value) in parameters["session"]?.objectValue ?? JSONObject() {
            request[key] = RequestParameters.gsonText(ofParsedValue: value)
        }
        let size = request["max_summary_size"] ?? "10"
        request["max_summary_size"] = size
        let messages = JSONValue.array((input.messages ?? []).map(JSONValue.object)).compactText
        request["user_prompt"] = AgenticMemoryPrompts.fenced("Summarize the following conversation in no more than \(size) words:", messages)
        let output = try await emulator.invoker.predict(modelID: llmID, requestParameters: RequestParameters.escaped(request))
        let path = parameters["llm_result_path"]?.stringValue ?? MemoryFactExtraction.defaultResultPath
        return try Self.text(at: JSONPath(path), in: output["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.first)
    }

    /// The LLM's text in one tensor: the value at `llm_result_path` of its `dataAsMap`, a non-string as gson writes it.
    static func text(at path: JSONPath, in tensor: JSONValue?) throws -> String {
        let value = try path.read(tensor?["dataAsMap"] ?? .null)
        return value.stringValue ?? value.gsonText
    }

    /// One strategy's work on one request.
    struct StrategyRun: Sendable {
        let strategy: MemoryStrategy
        let namespace: JSONObject
        let messages: [JSONObject]
        let tags: JSONObject?
        let ownerID: String?
        let containerID: String
        let configuration: MemoryContainerConfiguration
        let parameters: JSONObject

        var llmID: String? {
            strategy.configuration["llm_id"]?.stringValue.flatMap { $0.isJavaBlank ? nil : $0 } ?? configuration.llmID
        }
        var resultPath: String { MemoryFactExtraction.resultPath(strategy: strategy, parameters: parameters) }
    }

    private func run(_ run: StrategyRun, input: WorkingMemoryInput) async {
        let facts: [String]
        do {
            facts = try await extractFacts(run)
        } catch {
            logger.error("Failed to extract facts with LLM", metadata: ["error": "\(error)"])
            await writeError(OpenSearchError(reporting: error).rootCause.reason, namespace: run.namespace, input: input,
                ownerID: run.ownerID, containerID: run.containerID, configuration: run.configuration)
            return
        }
        guard !facts.isEmpty, run.configuration.llmID != nil else { return }
        do {
            let similar = try await similarMemories(facts, run)
            let decisions: [MemoryDecision]
            if similar.isEmpty {
                decisions = facts.enumerated().map { MemoryDecision(id: "fact_\($0.offset)", text: $0.element, event: .add) }
            } else {
                let prompt = MemoryFactExtraction.decisionPrompt(oldMemories: similar, facts: facts)
                let answer = try await ask(run, systemPrompt: AgenticMemoryPrompts.updateMemory, userPrompt: prompt).first ?? ""
                decisions = try MemoryFactExtraction.decisions(from: answer)
            }
            try await apply(decisions, run)
        } catch {
            logger.error("Failed to make memory decisions", metadata: ["error": "\(error)"])
        }
    }

    /// LLM call 1: the facts of every tensor of the first output.
    private func extractFacts(_ run: StrategyRun) async throws -> [String] {
        guard run.llmID != nil else { return [] }
        let systemPrompt = try MemoryFactExtraction.systemPrompt(for: run.strategy)
        let userPrompt = MemoryFactExtraction.userPrompt(messages: run.messages, kind: run.strategy.kind)
        var facts: [String] = []
        for answer in try await ask(run, systemPrompt: systemPrompt, userPrompt: userPrompt) {
            facts += try MemoryFactExtraction.facts(from: answer)
        }
        return facts
    }

    /// A predict with `system_prompt` and `user_prompt`; the text at `llm_result_path` of each tensor.
    private func ask(_ run: StrategyRun, systemPrompt: String, userPrompt: String) async throws -> [String] {
        guard let llmID = run.llmID else { return [] }
        let output = try await emulator.invoker.predict(
            modelID: llmID,
            requestParameters: RequestParameters.escaped(["system_prompt": systemPrompt, "user_prompt": userPrompt]))
        let path = try JSONPath(run.resultPath)
        let tensors = output["inference_results"]?.arrayValue?.first?["output"]?.arrayValue ?? []
        return try tensors.map { tensor in try Self.text(at: path, in: tensor) }
    }

    /// Up to `max_infer_size` stored memories per fact (for the first `max_infer_size` facts): the `neural`
    /// query's 10 nearest over the index, then the namespace, owner, strategy and container filters.
    private func similarMemories(_ facts: [String], _ run: StrategyRun) async throws -> [(id: String, text: String, score: Float)] {
        guard !run.namespace.isEmpty, let modelID = run.configuration.embeddingModelID,
            let index = run.configuration.indexName(.longTerm),
            let info = try await emulator.documents.index(index)
        else { return [] }
        let size = run.configuration.maxInferSize ?? 5
        let documents = try await emulator.documents.documents(index).sorted { $0.seqNo < $1.seqNo }
        guard !documents.isEmpty else { return [] }
        var filters: [SearchQuery] = run.namespace.map { .term(field: "namespace.\($0.key)", value: $0.value) }
        if let ownerID = run.ownerID { filters.append(.term(field: "owner_id", value: .string(ownerID))) }
        filters.append(.term(field: "namespace_size", value: .number(JSONNumber(run.namespace.count))))
        filters.append(.term(field: "strategy_id", value: .string(run.strategy.id ?? "")))
        filters.append(.term(field: "memory_container_id", value: .string(run.containerID)))
        var found: [(id: String, text: String, score: Float)] = []
        for fact in facts.prefix(size) {
            do {
                let vector = try await EmbeddingService(emulator: emulator).embed([fact], modelID: modelID)[0]
                let query = SearchQuery.bool(
                    must: [.knn(field: "memory_embedding", vector: vector, k: 10)], filter: filters, should: [], mustNot: [],
                    minimumShouldMatch: nil)
                let scores = try QueryScorer(documents: documents, mappings: info.mappings, dynamicFields: false).scores(query)
                let hits = scores.enumerated().compactMap { entry in entry.element.map { (entry.offset, $0) } }
                    .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(size)
                for (ordinal, score) in hits {
                    guard let memory = documents[ordinal].source["memory"]?.stringValue else { continue }
                    found.append((documents[ordinal].id, memory, score))
                }
            } catch {
                logger.error("Failed to search similar facts", metadata: ["error": "\(error)"])
            }
        }
        return found
    }

    /// One bulk of the adds, then the updates, then the deletes; then one history entry per change.
    private func apply(_ decisions: [MemoryDecision], _ run: StrategyRun) async throws {
        guard let index = run.configuration.indexName(.longTerm) else { return }
        let now = emulator.nowMillis()
        let adds = decisions.filter { $0.event == .add }
        var embeddings: [[Float]] = []
        if let modelID = run.configuration.embeddingModelID, !adds.isEmpty {
            embeddings = try await EmbeddingService(emulator: emulator).embed(adds.map { $0.text ?? "" }, modelID: modelID)
        }
        var history: [JSONObject] = []
        for (offset, decision) in adds.enumerated() {
            let embedding = embeddings.indices.contains(offset)
                ? JSONValue.array(embeddings[offset].map { .number(JSONNumber(text: JavaDouble.string($0))) }) : nil
            let id = emulator.ids.next()
            let document = LongTermMemory.document(
                memory: decision.text ?? "", strategy: run.strategy, namespace: run.namespace, tags: run.tags,
                ownerID: run.ownerID, containerID: run.containerID, now: now, embedding: embedding)
            _ = try await emulator.documents.put(index, id: id, source: document)
            history.append(entry(id, .add, before: nil, after: decision.text, run))
        }
        for decision in decisions where decision.event == .update {
            guard let id = decision.id else { continue }
            // A partial update skips the index's pipeline: the embedding stays that of the old text.
            let updated = try await emulator.documents.update(index, id: id) { source in
                var next = source
                next["memory"] = .string(decision.text ?? "")
                next["last_updated_time"] = .number(JSONNumber(text: String(now)))
                return next
            }
            if updated == nil { logger.warning("Bulk memory operations had failures", metadata: ["id": "\(id)"]) }
            history.append(entry(id, .update, before: decision.oldMemory, after: decision.text, run))
        }
        for decision in decisions where decision.event == .delete {
            guard let id = decision.id else { continue }
            _ = try await emulator.documents.delete(index, id: id)
            history.append(entry(id, .delete, before: decision.text, after: nil, run))
        }
        guard let historyIndex = run.configuration.indexName(.history) else { return }
        for document in history { _ = try await emulator.documents.put(historyIndex, id: emulator.ids.next(), source: document) }
    }

    private func entry(_ id: String?, _ action: MemoryDecision.Event, before: String?, after: String?, _ run: StrategyRun) -> JSONObject {
        LongTermMemory.history(
            memoryID: id, action: action, before: before, after: after, namespace: run.namespace, tags: run.tags,
            ownerID: run.ownerID, containerID: run.containerID, now: emulator.nowMillis())
    }

    private func writeError(
        _ message: String, namespace: JSONObject?, input: WorkingMemoryInput, ownerID: String?, containerID: String,
        configuration: MemoryContainerConfiguration
    ) async {
        guard let index = configuration.indexName(.history) else { return }
        let document = LongTermMemory.errorHistory(
            error: message, namespace: namespace, tags: input.tags, ownerID: ownerID, containerID: containerID,
            now: emulator.nowMillis())
        do {
            _ = try await emulator.documents.put(index, id: emulator.ids.next(), source: document)
        } catch {
            logger.error("Failed to write the memory history", metadata: ["error": "\(error)"])
        }
    }
}
