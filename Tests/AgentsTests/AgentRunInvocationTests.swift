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
        return UpstreamResponse(status: 200, headers: [("Content-Type", "application/json")], body: ByteChunks(Array(reply.utf8)))
    }

    static func toolCall(_ id: String) -> String {
        #"{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"\#(id)","type":"function","function":{"name":"RetrieveIndexMetaTool","arguments":"{}"}}]},"finish_reason":"tool_calls"}]}"#
    }

    static func answer(_ text: String) -> String {
        #"{"choices":[{"index":0,"message":{"role":"assistant","content":"\#(text)"},"finish_reason":"stop"}]}"#
    }
}

@Suite("Agent runs through the model invoker")
struct AgentRunInvocationTests {
    @Test func threeLLMStepsDecryptTheCredentialOnce() async throws {
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
        let transport = ScriptedTransport(replies: [
            ScriptedTransport.toolCall("call_1"), ScriptedTransport.toolCall("call_2"), ScriptedTransport.answer("Done."),
        ])
        let lifecycle = ModelLifecycle(documents: documents, ids: ids, nodeID: "node") { 0 }
        let invoker = ModelInvoker(
            documents: documents, credentials: decrypter, transport: transport,
            lifecycle: lifecycle, rateLimiter: ModelRateLimiter()) { false }
        let context = ToolContext(documents: documents) { _, _ in .null }
        let executor = AgentExecutor(
            conversations: ConversationStore(documents: documents, ids: ids), invoker: invoker,
            makeTool: { spec in try ToolRegistry.make(spec, context: context) })

        let input = ["question": "How many indices?"]
        let memory = try await executor.prepareMemory(definition, input: input)
        let result = try await executor.execute(definition, input: input, ids: memory, sink: nil)

        #expect(transport.bodies.withLock { $0.count } == 3)
        #expect(decrypter.calls.withLock { $0 } == 1)
        #expect(result.output(verbose: false)["inference_results"]?.arrayValue?.first?["output"]?.arrayValue?.last?["dataAsMap"]?["response"] == "Done.")
    }
}
