import MLCommonsCore
import RemoteInference
import Testing
import WireFormats

/// The one decoder driver, over a transport that answers from memory: bodies cut anywhere, bodies that fail
/// while read, refusals and sends that fail, for both providers.
@Suite("Stream decoder driver")
struct StreamingCallDriverTests {
    /// Answers every request with a fixed status, headers and body chunks, then optionally fails.
    struct FakeTransport: UpstreamTransport {
        var status = 200
        var headers: [(name: String, value: String)] = [("Content-Type", "text/event-stream")]
        var chunks: [[UInt8]] = []
        var failure: UpstreamTransportError?
        var sendFailure: UpstreamTransportError?

        func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
            if let sendFailure { throw sendFailure }
            let (stream, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
            for chunk in chunks { continuation.yield(chunk) }
            continuation.finish(throwing: failure)
            return UpstreamResponse(status: status, headers: headers, body: ByteChunks(bytes: stream))
        }
    }

    static let request = UpstreamRequest(method: "POST", url: "https://api.openai.com/v1/chat/completions", headers: [], body: [], isStreaming: true)

    static func run(_ transport: FakeTransport, _ interface: StreamInterface) async -> (events: [ProviderEvent], outcome: StreamingCall.Outcome?, error: InferenceError?) {
        var events: [ProviderEvent] = []
        do {
            let (outcome, _) = try await StreamingCall(request: request, interface: interface).run(over: transport) { events.append($0) }
            return (events, outcome, nil)
        } catch {
            return (events, nil, error as? InferenceError)
        }
    }

    static let openAIBody = Array((
        #"data: {"choices":[{"delta":{"content":"Hel"},"finish_reason":null}]}"# + "\n\n"
        + #"data: {"choices":[{"delta":{"content":"lo"},"finish_reason":null}]}"# + "\n\n"
        + #"data: {"choices":[{"delta":{},"finish_reason":"stop"}]}"# + "\n\n" + "data: [DONE]\n\n").utf8)

    static let firstEventLength = #"data: {"choices":[{"delta":{"content":"Hel"},"finish_reason":null}]}"#.utf8.count + 2

    @Test func openAIBodyCutAnywhereGivesTheSameEvents() async {
        for cut in stride(from: 1, to: Self.openAIBody.count, by: 7) {
            let transport = FakeTransport(chunks: [Array(Self.openAIBody[..<cut]), Array(Self.openAIBody[cut...])])
            let result = await Self.run(transport, .openAIChatCompletions)
            #expect(result.events == [.text("Hel"), .text("lo"), .completed], "cut at \(cut)")
            #expect(result.outcome == .completed)
        }
    }

    @Test func aBodyThatFailsWhileReadEndsWithTheProvidersNetworkError() async {
        let openAI = await Self.run(
            FakeTransport(chunks: [Array(Self.openAIBody.prefix(Self.firstEventLength))], failure: .connectionClosed), .openAIChatCompletions)
        #expect(openAI.events == [.text("Hel")])
        #expect(openAI.error == .sseNetworkFailure)

        let frames = try! BedrockFixtureFrames.encoded(Array(BedrockFixtureFrames.converseStream.prefix(3)))
        let bedrock = await Self.run(
            FakeTransport(headers: [], chunks: [frames], failure: .connectionClosed), .bedrockConverseClaude)
        #expect(bedrock.events == BedrockStreamFailureTests.textBeforeFailure)
        #expect(bedrock.error == .bedrockStreamFailure(exceptionType: nil, message: UpstreamTransportError.connectionClosed.description))
    }

    @Test func refusalsAreReadAndReportedPerProvider() async {
        let openAI = await Self.run(FakeTransport(
            status: 500, headers: [("Content-Type", "application/json")], chunks: [Array(#"{"error":{"message":"boom"}}"#.utf8)]),
            .openAIChatCompletions)
        #expect(openAI.events.isEmpty)
        #expect(openAI.error?.message == #"Error from remote service: {"error":{"message":"boom"}}"#)

        let bedrock = await Self.run(FakeTransport(
            status: 400, headers: [("x-amzn-errortype", "ValidationException:http://internal.amazon.com/coral/")],
            chunks: [Array(#"{"message":"Malformed input request"}"#.utf8)]), .bedrockConverseClaude)
        #expect(bedrock.error == .bedrockStreamFailure(exceptionType: "ValidationException", message: "Malformed input request"))
    }

    @Test func aSendThatFailsIsTheProvidersSendError() async {
        let openAI = await Self.run(FakeTransport(sendFailure: .connectionRefused("Connection refused: /127.0.0.1:1")), .openAIChatCompletions)
        #expect(openAI.error == .sseNetworkFailure)
        let bedrock = await Self.run(FakeTransport(sendFailure: .readTimedOut), .bedrockConverseClaude)
        #expect(bedrock.error == .bedrockStreamFailure(exceptionType: nil, message: UpstreamTransportError.readTimedOut.description))
    }
}
