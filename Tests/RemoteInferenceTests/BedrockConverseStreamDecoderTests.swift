import MLCommonsCore
import RemoteInference
import Testing
import WireFormats

@Suite("Bedrock ConverseStream decoder")
struct BedrockConverseStreamDecoderTests {
    typealias Frames = BedrockFixtureFrames

    static func decode(_ messages: [EventStreamMessage]) throws -> (events: [ProviderEvent], error: InferenceError?) {
        StreamFeeding.bedrockEvents([try Frames.encoded(messages)[...]])
    }

    @Test func converseStreamYieldsTextThenCompletionAtMessageStop() throws {
        let bytes = try UpstreamFixture.bytes("bedrock-converse-stream.bin")
        var decoder = BedrockConverseStreamDecoder()
        let events = try decoder.feed(bytes)
        #expect(events == Frames.textDeltas.map(ProviderEvent.text) + [.completed])
        #expect(decoder.isCompleted)
        #expect(try decoder.finish() == [])
    }

    @Test func toolUseStreamYieldsTheToolCallAndKeepsTheStreamOpen() throws {
        let bytes = try UpstreamFixture.bytes("bedrock-tool-use-stream.bin")
        var decoder = BedrockConverseStreamDecoder()
        let events = try decoder.feed(bytes) + decoder.finish()
        #expect(events.count == 2)
        #expect(events.first == .text("I'll list the indices in your cluster."))
        guard case .toolCall(let call)? = events.last else { Issue.record("no tool call"); return }
        #expect(call.id == Frames.toolUseID)
        #expect(call.name == "ListIndexTool")
        #expect(call.arguments == Frames.toolInputFragments.joined())
        #expect(call.announcement == nil)
        #expect(call.dataAsMap.compactText == #"{"output":{"message":{"content":[{"toolUse":{"name":"ListIndexTool","input":{"indices":["my-index"],"verbose":true,"limit":10,"ratio":1.5},"toolUseId":"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q"}}]}},"stopReason":"tool_use"}"#)
        #expect(decoder.awaitsToolResult)
        #expect(!decoder.isCompleted)
    }

    @Test(arguments: ["bedrock-converse-stream.bin", "bedrock-tool-use-stream.bin"])
    func everySplitYieldsTheSameEvents(fixture: String) throws {
        let bytes = try UpstreamFixture.bytes(fixture)
        let whole = StreamFeeding.bedrockEvents([bytes[...]])
        #expect(whole.error == nil)
        for pieces in StreamFeeding.splits(of: bytes) {
            let split = StreamFeeding.bedrockEvents(pieces)
            #expect(split.events == whole.events && split.error == nil, "split into \(pieces.map(\.count))")
            if split.events != whole.events { return }
        }
    }

    @Test func theEndOfTheBodyCompletesWithoutMessageStop() throws {
        let frames = Array(Frames.converseStream.prefix(3))
        #expect(try Self.decode(frames).events == [.text(Frames.textDeltas[0]), .text(Frames.textDeltas[1]), .completed])
    }

    @Test func aTrailingPartialFrameIsIgnoredLikeTheSDK() throws {
        var bytes = try Frames.encoded(Array(Frames.converseStream.prefix(2)))
        bytes += try Frames.encoded([Frames.converseStream[2]]).prefix(20)
        let result = StreamFeeding.bedrockEvents([bytes[...]])
        #expect(result.events == [.text(Frames.textDeltas[0]), .completed])
        #expect(result.error == nil)
    }

    @Test func toolUseStopWithIncompleteInputSendsNothing() throws {
        // `Map.of(…, "input", null, …)` throws; the state is already WAITING_FOR_TOOL_RESULT.
        let frames = Frames.toolUseStream.prefix(6) + Frames.toolUseStream.suffix(3)
        var decoder = BedrockConverseStreamDecoder()
        let events = try decoder.feed(try Frames.encoded(Array(frames))) + decoder.finish()
        #expect(events == [.text("I'll list the indices in your cluster.")])
        #expect(decoder.awaitsToolResult)
    }

    @Test func inputSpoiledAfterACompleteObjectKeepsTheObject() throws {
        var frames = Frames.toolUseStream
        let spoiler = Frames.event("contentBlockDelta", ["delta": ["toolUse": ["input": "}garbage"]]])
        frames.insert(spoiler, at: 8)
        guard case .toolCall(let call)? = try Self.decode(frames).events.last else { Issue.record("no tool call"); return }
        #expect(call.dataAsMap["output"]?["message"]?["content"]?.arrayValue?.first?["toolUse"]?["input"]?.compactText
            == #"{"indices":["my-index"],"verbose":true,"limit":10,"ratio":1.5}"#)
        #expect(call.arguments.hasSuffix("}garbage"))
    }

    @Test func aBlockStartWithoutToolUseSilencesTheRestUntilTheEnd() throws {
        // Any contentBlockStart moves to TOOL_CALL_DETECTED, where text deltas and messageStop are ignored.
        let frames = [
            Frames.event("contentBlockStart", ["contentBlockIndex": 0, "start": [:]]),
            Frames.event("contentBlockDelta", ["delta": ["text": "unseen"]]),
            Frames.event("messageStop", ["stopReason": "end_turn"]),
        ]
        #expect(try Self.decode(frames).events == [.completed])
    }

    @Test func toolUseStopWithoutABlockStartIsIgnored() throws {
        let frames = [
            Frames.event("contentBlockDelta", ["delta": ["text": "Hi"]]),
            Frames.event("messageStop", ["stopReason": "tool_use"]),
        ]
        #expect(try Self.decode(frames).events == [.text("Hi"), .completed])
    }

    @Test func stopReasonsStartingWithToolUseCountAsToolUse() throws {
        var frames = Frames.toolUseStream
        frames[9] = Frames.event("messageStop", ["stopReason": "tool_use_v2"])
        guard case .toolCall? = try Self.decode(frames).events.last else { Issue.record("no tool call"); return }
    }

    @Test func emptyTextDeltasAreSentAndUnknownEventsIgnored() throws {
        let frames = [
            Frames.event("contentBlockDelta", ["delta": ["text": ""]]),
            Frames.event("futureEvent", ["delta": ["text": "unseen"]]),
            EventStreamMessage(headers: [EventStreamHeader(name: ":message-type", value: .string("unknown"))]),
            Frames.event("contentBlockDelta", ["delta": ["reasoningContent": ["text": "unseen"]]]),
            Frames.event("messageStop", ["stopReason": "max_tokens"]),
        ]
        #expect(try Self.decode(frames).events == [.text(""), .completed])
    }

    @Test func eventsForMessageMatchesFeeding() throws {
        var decoder = BedrockConverseStreamDecoder()
        #expect(try decoder.events(for: Frames.converseStream[1]) == [.text(Frames.textDeltas[0])])
    }
}
