import MLCommonsCore
import RemoteInference
import Testing

@Suite("OpenAI chat stream decoder: ml-commons edge cases")
struct OpenAIChatStreamEdgeCaseTests {
    /// One SSE event whose data is a chat chunk with the given `choices[0]` members.
    static func event(delta: String = "{}", finishReason: String = "null") -> String {
        #"data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1759580469,"choices":[{"index":0,"delta":"#
            + delta + #","finish_reason":"# + finishReason + "}]}\n\n"
    }

    static func decode(_ body: String) throws -> (events: [ProviderEvent], decoder: OpenAIChatStreamDecoder) {
        var decoder = OpenAIChatStreamDecoder()
        let events = decoder.feed(Array(body.utf8)) + (try decoder.finish())
        return (events, decoder)
    }

    /// A tool call whose arguments never arrive: `""` in 3.3, `{}` from 3.5 (#4549).
    @Test func emptyToolArgumentsReadAsAnEmptyObjectFrom35() throws {
        let body = Self.event(delta: #"{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"Lookup"}}]}"#)
            + Self.event(finishReason: #""tool_calls""#)
        func announcement(_ version: OpenSearchVersion) -> String? {
            var decoder = OpenAIChatStreamDecoder(profile: VersionProfile(version))
            return decoder.feed(Array(body.utf8)).compactMap { event -> String? in
                if case .toolCall(let call) = event { return call.announcement }
                return nil
            }.first
        }
        #expect(announcement(.v3_4_0)?.contains(#""arguments":"""#) == true)
        #expect(announcement(.v3_5_0)?.contains(#""arguments":"{}""#) == true)
    }

    @Test func doneCompletesOnceAndStopCompletesBeforeDone() throws {
        #expect(try Self.decode("data: [DONE]\n\ndata: [DONE]\n\n").events == [.completed])
        let stopped = try Self.decode(Self.event(delta: #"{"content":"ignored"}"#, finishReason: #""stop""#)
            + "data: [DONE]\n\n")
        #expect(stopped.events == [.completed])
        #expect(stopped.decoder.isCompleted)
    }

    @Test func lengthFinishReasonWaitsForDone() throws {
        let body = Self.event(delta: #"{"content":"Hi"}"#, finishReason: #""length""#) + "data: [DONE]\n\n"
        #expect(try Self.decode(body).events == [.text("Hi"), .completed])
    }

    @Test func nothingIsEmittedAfterCompletion() throws {
        let body = "data: [DONE]\n\n" + Self.event(delta: #"{"content":"late"}"#)
        #expect(try Self.decode(body).events == [.completed])
    }

    @Test func emptyContentAndMalformedOrNonObjectDataAreSkipped() throws {
        let body = Self.event(delta: #"{"role":"assistant","content":""}"#) + "data: {\"choices\":[\n\n"
            + "data: [1,2]\n\ndata: null\n\ndata:\n\n" + #"data: {"choices":[]}"# + "\n\n"
            + Self.event(delta: #"{"content":"ok"}"#)
        #expect(try Self.decode(body).events == [.text("ok")])
    }

    @Test func aNonStringFinishReasonDropsTheWholeEvent() throws {
        // `String finishReason = extractPath(…)` throws ClassCastException before the content is read.
        let body = Self.event(delta: #"{"content":"lost"}"#, finishReason: "1")
        #expect(try Self.decode(body).events == [])
    }

    @Test func aFaultAfterTheContentKeepsTheContent() throws {
        // The content chunk is sent, then `(List<?>) tool_calls` fails on an object.
        let body = Self.event(delta: #"{"content":"kept","tool_calls":{"index":0}}"#)
        #expect(try Self.decode(body).events == [.text("kept")])
    }

    @Test func argumentsAreJoinedAcrossFragmentsAndEscapedInTheAnnouncement() throws {
        let body = Self.event(delta: #"{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"SearchIndexTool","arguments":""}}]}"#)
            + Self.event(delta: #"{"tool_calls":[{"index":0,"function":{"arguments":"{\"index\":"}}]}"#)
            + Self.event(delta: #"{"tool_calls":[{"index":0,"function":{"arguments":"\"logs\"}"}}]}"#)
            + Self.event(finishReason: #""tool_calls""#) + "data: [DONE]\n\n"
        let events = try Self.decode(body).events
        #expect(events.count == 4)
        #expect(events[1] == .toolCallDelta(#"[{"index":0.0,"function":{"arguments":"{\"index\":"}}]"#))
        guard case .toolCall(let call) = events.last else { Issue.record("no tool call"); return }
        #expect(call.id == "call_1")
        #expect(call.name == "SearchIndexTool")
        #expect(call.arguments == #"{"index":"logs"}"#)
        #expect(call.announcement == #"{"choices":[{"message":{"tool_calls":[{"type":"function","function":{"name":"SearchIndexTool","arguments":"{\"index\":\"logs\"}"},"id":"call_1"}]},"finish_reason":"tool_calls"}]}"#)
    }

    @Test func parallelCallsMergeIntoOneLikeMlCommons() throws {
        let body = Self.event(delta: #"{"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"A","arguments":"{}"}},{"index":1,"id":"call_b","type":"function","function":{"name":"B","arguments":"{\"x\":1}"}}]}"#)
            + Self.event(finishReason: #""tool_calls""#)
        guard case .toolCall(let call)? = try Self.decode(body).events.last else { Issue.record("no tool call"); return }
        #expect(call.id == "call_b")
        #expect(call.name == "B")
        #expect(call.arguments == #"{}{"x":1}"#)
    }

    @Test func nullArgumentsAppendTheTextNull() throws {
        let body = Self.event(delta: #"{"tool_calls":[{"index":0,"id":"call_1","function":{"name":"T","arguments":null}}]}"#)
            + Self.event(finishReason: #""tool_calls""#)
        guard case .toolCall(let call)? = try Self.decode(body).events.last else { Issue.record("no tool call"); return }
        #expect(call.arguments == "null")
    }

    @Test func aCallWithoutIdIsNeverAnnouncedButStillHoldsTheStreamOpen() throws {
        // `Map.of("id", null, …)` throws after `agentExecutionInProgress = true`.
        let body = Self.event(delta: #"{"tool_calls":[{"index":0,"function":{"name":"T","arguments":"{}"}}]}"#)
            + Self.event(finishReason: #""tool_calls""#) + "data: [DONE]\n\n"
        let (events, decoder) = try Self.decode(body)
        #expect(events == [.toolCallDelta(#"[{"index":0.0,"function":{"name":"T","arguments":"{}"}}]"#)])
        #expect(decoder.awaitsToolResult)
        #expect(!decoder.isCompleted)
    }

    @Test func toolCallsFinishWithoutDeltasIsIgnored() throws {
        let body = Self.event(finishReason: #""tool_calls""#) + "data: [DONE]\n\n"
        #expect(try Self.decode(body).events == [.completed])
    }

    @Test func deltaNumbersAndNullsAreWrittenAsGsonWritesThem() throws {
        let body = Self.event(delta: #"{"tool_calls":[{"index":1,"id":null,"extra":[12345678901234567890,-0,1.50,1e-4],"function":{"name":"T"}}]}"#)
        #expect(try Self.decode(body).events == [
            .toolCallDelta(#"[{"index":1.0,"id":null,"extra":[1.2345678901234567E19,-0.0,1.5,1.0E-4],"function":{"name":"T"}}]"#),
        ])
    }

    @Test func aDeltaGsonCannotWriteIsDropped() throws {
        let body = Self.event(delta: #"{"content":"kept","tool_calls":[{"index":1e400}]}"#)
        #expect(try Self.decode(body).events == [.text("kept")])
    }

    @Test func aPendingEventWithoutItsBlankLineIsDroppedAtTheEnd() throws {
        // OkHttp dispatches only on a blank line; ml-commons' `onClosed` just logs, so nothing completes.
        let (events, decoder) = try Self.decode("data: [DONE]\n")
        #expect(events == [])
        #expect(!decoder.isCompleted)
    }

    @Test(arguments: ["data: {\"choices\":[", "data:x", "id: 1", "event:message", "retry: 10"])
    func aBodyEndingInsideAFieldLineIsANetworkFailure(tail: String) {
        var decoder = OpenAIChatStreamDecoder()
        _ = decoder.feed(Array((Self.event(delta: #"{"content":"Hi"}"#) + tail).utf8))
        #expect(throws: InferenceError.sseNetworkFailure) { try decoder.finish() }
    }

    @Test(arguments: ["data:", "data", "id:", ": comment", "garbage", "dat", "data:\r", ""])
    func aBodyEndingInsideAnotherLineEndsCleanly(tail: String) throws {
        #expect(try Self.decode(Self.event(delta: #"{"content":"Hi"}"#) + tail).events == [.text("Hi")])
    }

    @Test func aByteOrderMarkHidesTheFirstLineLikeOkHttp() throws {
        let body = Array("\u{FEFF}".utf8) + Array((Self.event(delta: #"{"content":"hidden"}"#)
            + Self.event(delta: #"{"content":"seen"}"#)).utf8)
        for pieces in StreamFeeding.splits(of: body) {
            #expect(try StreamFeeding.openAIEvents(pieces) == [.text("seen")])
        }
    }

    @Test func aLateReadFailureAfterCompletionIsSilent() throws {
        #expect(try Self.decode("data: [DONE]\n\ndata: {\"cho").events == [.completed])
    }

    @Test func stopAfterAToolCallStillCompletes() throws {
        let body = Self.event(delta: #"{"tool_calls":[{"index":0,"id":"call_1","function":{"name":"T","arguments":"{}"}}]}"#)
            + Self.event(finishReason: #""tool_calls""#) + Self.event(finishReason: #""stop""#)
        let (events, decoder) = try Self.decode(body)
        #expect(events.last == .completed)
        #expect(!decoder.awaitsToolResult)
    }

    @Test func eventsForDataMatchesFeeding() {
        var decoder = OpenAIChatStreamDecoder()
        #expect(decoder.events(forData: #"{"choices":[{"delta":{"content":"a"}}]}"#) == [.text("a")])
        #expect(decoder.events(forData: "[DONE]") == [.completed])
    }

    @Test func responseCheckFollowsOkHttp() {
        #expect(OpenAIChatStreamDecoder.responseError(status: 200, contentType: "text/event-stream; charset=utf-8", body: "") == nil)
        #expect(OpenAIChatStreamDecoder.responseError(status: 200, contentType: "application/json", body: "{}") == .sseNetworkFailure)
        #expect(OpenAIChatStreamDecoder.responseError(status: 200, contentType: nil, body: "") == .sseNetworkFailure)
        let unauthorized = OpenAIChatStreamDecoder.responseError(
            status: 401, contentType: "application/json", body: #"{"error":{"message":"Incorrect API key provided"}}"#)
        #expect(unauthorized?.message == #"Error from remote service: {"error":{"message":"Incorrect API key provided"}}"#)
    }

    @Test(arguments: [
        ("text/event-stream", true), ("TEXT/Event-Stream", true), (" text/event-stream ", true),
        ("text/event-stream;charset=UTF-8", true), ("text/event-stream; charset=\"utf-8\"", true),
        ("text/event-stream;", true), ("text/event-stream; charset", false), ("text/event-stream x", false),
        ("text/plain", false), ("text/event-streams", false), ("event-stream", false), ("", false),
    ])
    func contentTypeParsing(contentType: String, isEventStream: Bool) {
        #expect(OpenAIChatStreamDecoder.isEventStream(contentType: contentType) == isEventStream)
    }
}
