import MLCommonsCore
import RemoteInference
import Testing

@Suite("OpenAI chat stream decoder: recorded streams")
struct OpenAIChatStreamDecoderTests {
    static let toolCallID = "call_HjpbrbdQFHK0omPYa6m2DCot"

    /// The tool call ml-commons synthesizes for `openai-tool-call-stream.sse`.
    static let retrieveIndexMetaCall = ProviderToolCall(
        id: toolCallID, name: "RetrieveIndexMetaTool", arguments: "{}",
        dataAsMap: [
            "choices": [[
                "message": ["tool_calls": [[
                    "type": "function", "function": ["name": "RetrieveIndexMetaTool", "arguments": "{}"],
                    "id": .string(toolCallID),
                ]]],
                "finish_reason": "tool_calls",
            ]],
        ],
        announcement: #"{"choices":[{"message":{"tool_calls":[{"type":"function","function":{"name":"RetrieveIndexMetaTool","arguments":"{}"},"id":"call_HjpbrbdQFHK0omPYa6m2DCot"}]},"finish_reason":"tool_calls"}]}"#)

    @Test func chatStreamYieldsTextThenOneCompletion() throws {
        let bytes = try UpstreamFixture.bytes("openai-chat-stream.sse")
        let texts = ["There", " are", " ", "9", " indices", " in", " your", " cluster", "."]
        #expect(try StreamFeeding.openAIEvents([bytes[...]]) == texts.map(ProviderEvent.text) + [.completed])
    }

    @Test func toolCallStreamYieldsGsonDeltasAndTheSynthesizedCall() throws {
        let bytes = try UpstreamFixture.bytes("openai-tool-call-stream.sse")
        var decoder = OpenAIChatStreamDecoder()
        let events = decoder.feed(bytes) + (try decoder.finish())
        #expect(events == [
            .toolCallDelta(#"[{"index":0.0,"id":"call_HjpbrbdQFHK0omPYa6m2DCot","type":"function","function":{"name":"RetrieveIndexMetaTool","arguments":""}}]"#),
            .toolCallDelta(#"[{"index":0.0,"function":{"arguments":"{}"}}]"#),
            .toolCall(Self.retrieveIndexMetaCall),
        ])
        // `[DONE]` after the tool call completes nothing: the stream stays open for the agent.
        #expect(decoder.awaitsToolResult)
        #expect(!decoder.isCompleted)
    }

    @Test func synthesizedCallKeepsTheDocumentedKeyOrder() throws {
        let announcement = try #require(Self.retrieveIndexMetaCall.announcement)
        #expect(Self.retrieveIndexMetaCall.dataAsMap.gsonText == announcement)
        #expect(try JSONParser.parse(announcement) == Self.retrieveIndexMetaCall.dataAsMap)
    }

    @Test func escapesStreamHandlesCRLFCommentsMalformedDataAndMultiLineData() throws {
        let bytes = try UpstreamFixture.bytes("openai-chat-stream-escapes.sse")
        #expect(try StreamFeeding.openAIEvents([bytes[...]]) == [
            .text("He said \"hi\"\n"),
            .text("back\\slash\ttab"),
            .text("caf\u{E9} \u{1F642} \u{2028}\u{01} </script>&"),
            .text(" multi-line"),
            .completed,
        ])
    }

    @Test(arguments: ["openai-chat-stream.sse", "openai-tool-call-stream.sse", "openai-chat-stream-escapes.sse"])
    func everySplitYieldsTheSameEvents(fixture: String) throws {
        let bytes = try UpstreamFixture.bytes(fixture)
        let whole = try StreamFeeding.openAIEvents([bytes[...]])
        #expect(!whole.isEmpty)
        for pieces in StreamFeeding.splits(of: bytes) {
            let events = try StreamFeeding.openAIEvents(pieces)
            #expect(events == whole, "split into \(pieces.map(\.count))")
            if events != whole { return }
        }
    }
}
