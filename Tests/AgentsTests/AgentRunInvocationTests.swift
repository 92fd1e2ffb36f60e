import Agents
import MLCommonsCore
import MLStore
import ModelInvocation
import RemoteInference
import Synchronization
import Testing

/// Passes credentials through unchanged and counts how often it was asked.
final class CountingDecrypter: CredentialDecrypting {
    let calls = Mutex(0)
    func decrypt(_ credential: JSONObject) throws -> JSONObject {
        calls.withLock { $0 += 1 }
        return credential
    }
}

/// Answers each call with the next scripted OpenAI chat completion and keeps the request bodies.
final class ScriptedTransport: UpstreamTransport {
    private let replies: Mutex<[String]>
    let bodies = Mutex<[String]>([])

    init(replies: [String]) { self.replies = Mutex(replies) }

    func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        bodies.withLock { $0.append(String(decoding: request.body, as: UTF8.self)) }
        let reply = replies.withLock { $0.isEmpty ? "{}" : $0.removeFirst() }
        let contentType = request.isStreaming ? "text/event-stream" : "application/json"
        return UpstreamResponse(status: 200, headers: [("Content-Type", contentType)], body: ByteChunks(Array(reply.utf8)))
    }

    static func toolCall(_ id: String) -> String {
        #"{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"\#(id)","type":"function","function":{"name":"RetrieveIndexMetaTool","arguments":"{}"}}]},"finish_reason":"tool_calls"}]}"#
    }

    /// The same tool call as an OpenAI stream: the call's head, its arguments, the finish.
    static func streamedToolCall(_ id: String) -> String {
        [#"{"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"\#(id)","type":"function","function":{"name":"RetrieveIndexMetaTool","arguments":""}}]},"finish_reason":null}]}"#,
         #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{}"}}]},"finish_reason":null}]}"#,
         #"{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}"#, "[DONE]"].map { "data: \($0)\n\n" }.joined()
    }

    static func streamedAnswer(_ text: String) -> String {
        [#"{"choices":[{"index":0,"delta":{"role":"assistant","content":"\#(text)"},"finish_reason":null}]}"#,
         #"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#, "[DONE]"].map { "data: \($0)\n\n" }.joined()
    }

    static func answer(_ text: String) -> String {
        #"{"choices":[{"index":0,"message":{"role":"assistant","content":"\#(text)"},"finish_reason":"stop"}]}"#
    }
}

/// Records a streamed run's events.
actor RecordingSink: AgentStreamSink {
    private(set) var events: [AgentStreamEvent] = []
    func emit(_ event: AgentStreamEvent) async throws { events.append(event) }
}

@Suite("Agent runs through the model invoker")
struct AgentRunInvocationTests {
    /// A conversational agent with one tool on an OpenAI connector, answered by `replies` in turn.
    static func agent(replies: [String]) async throws -> (AgentExecutor, AgentDefinition, ScriptedTransport, CountingDecrypter) {
        let documents = DocumentStore(database: try MLDatabase(location: .inMemory))
        let ids = DocumentIDGenerator()
        let connector = try #require(try JSONParser.parse(#"""
            {"name":"c","version":1,"protocol":"http","parameters":{"endpoint":"api.openai.com","model":"gpt-4o"},
             "credential":{"openAI_key":"sk-1"},
             "actions":[{"action_type":"predict","method":"POST","url":"https://${parameters.endpoint}/v1/chat/completions",
               "headers":{"Authorization":"Bearer ${credential.openAI_key}"},
               "request_body":"{ \"model\": \"${parameters.model}\", \"messages\": [{\"role\":\"user\",\"content\":\"${parameters.prompt}\"}${parameters._interactions:-}]${parameters.tool_configs:-} }"}]}
            """#).objectValue)
        _ = try await documents.put(SystemIndex.connector, id: "c1", source: connector)
        _ = try await documents.put(SystemIndex.model, id: "m1", source: ["algorithm": "REMOTE", "model_state": "DEPLOYED", "connector_id": "c1"])
        let definition = try AgentDefinition(document: try #require(try JSONParser.parse(#"""
            {"name":"a","type":"conversational","llm":{"model_id":"m1","parameters":{"prompt":"${parameters.question}"}},
             "memory":{"type":"conversation_index"},"parameters":{"_llm_interface":"openai/v1/chat/completions"},
             "tools":[{"type":"ListIndexTool","name":"RetrieveIndexMetaTool"}]}
            """#).objectValue))

        let decrypter = CountingDecrypter()
        let transport = ScriptedTransport(replies: replies)
        let lifecycle = ModelLifecycle(documents: documents, ids: ids, nodeID: "node") { 0 }
        let invoker = ModelInvoker(
            documents: documents, credentials: decrypter, transport: transport,
            lifecycle: lifecycle, rateLimiter: ModelRateLimiter()) { false }
        let context = ToolContext(documents: documents) { _, _ in .null }
        let executor = AgentExecutor(
            conversations: ConversationStore(documents: documents, ids: ids), invoker: invoker,
            makeTool: { spec in try ToolRegistry.make(spec, context: context) },
            runAgent: { _, _ in throw OpenSearchError.illegalState("no agents run agents here") })
        return (executor, definition, transport, decrypter)
    }

    @Test func threeLLMStepsDecryptTheCredentialOnce() async throws {
        let (executor, definition, transport, decrypter) = try await Self.agent(replies: [
            ScriptedTransport.toolCall("call_1"), ScriptedTransport.toolCall("call_2"), ScriptedTransport.answer("Done."),
        ])
        let input = ["question": "How many indices?"]
        let memory = try await executor.prepareMemory(definition, input: input)
        let result = try await executor.execute(definition, input: input, ids: memory, sink: nil)

        #expect(transport.bodies.withLock { $0.count } == 3)
        #expect(decrypter.calls.withLock { $0 } == 1)
        #expect(result.output(verbose: false)["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.last?["dataAsMap"]?["response"] == "Done.")
    }

    /// A streamed run reports typed events in the order the chunks go out, and the execute-stream mapper turns
    /// them into chunks that carry the run's ids and end with the one final chunk.
    @Test func aStreamedRunReportsTypedEventsInOrder() async throws {
        let (executor, definition, _, _) = try await Self.agent(replies: [
            ScriptedTransport.streamedToolCall("call_1"), ScriptedTransport.streamedAnswer("Done."),
        ])
        let input = ["question": "How many indices?", "stream": "true"]
        let memory = try #require(try await executor.prepareMemory(definition, input: input))
        let sink = RecordingSink()
        _ = try await executor.execute(definition, input: input, ids: memory, sink: sink)
        let events = await sink.events

        let kinds = events.map { event -> String in
            switch event {
            case .llmText(let text): "text:\(text)"
            case .llmToolCallDelta: "delta"
            case .toolCall(let call): "call:\(call.name)"
            case .toolOutput: "output"
            case .tokenUsage: "usage"
            case .llmToolCallStarted: "started"
            case .frontendToolCall: "frontend"
            case .answerEcho: "echo"
            case .done: "done"
            case .messagesSnapshot: "snapshot"
            }
        }
        #expect(kinds.filter { $0 != "delta" } == ["call:RetrieveIndexMetaTool", "output", "text:Done.", "done"])

        var mapper = ExecuteStreamMapper()
        mapper.memoryID = memory.memoryID
        mapper.parentInteractionID = memory.parentInteractionID
        let chunks = events.flatMap { mapper.chunks(for: $0) }
        #expect(chunks.allSatisfy { $0.memoryID == memory.memoryID && $0.parentInteractionID == memory.parentInteractionID })
        #expect(chunks.filter(\.isLast).count == 1 && chunks.last?.isLast == true)
        #expect(mapper.chunks(for: .llmText("late")).isEmpty)
        #expect(mapper.errorChunk(for: InferenceError.sseNetworkFailure) == nil)
    }

    @Test func theExecuteStreamErrorRuleSeparatesStreamFailuresFromFailedRequests() {
        var streamFailure = ExecuteStreamMapper()
        #expect(streamFailure.errorChunk(for: InferenceError.sseNetworkFailure)?.text == "data: {\"error\": \"SSE failure with network error\"}\n\n")
        var failedRequest = ExecuteStreamMapper()
        #expect(failedRequest.errorChunk(for: OpenSearchError.illegalArgument("bad"))?.text == "data: {\"error\": \"Error processing request: bad\"}\n\n")
        var cancelled = ExecuteStreamMapper()
        #expect(cancelled.errorChunk(for: CancellationError()) == nil)
    }
}
