import MLCommonsCore
import RemoteInference
import Testing

@Suite("Predict stream mapper")
struct PredictStreamMapperTests {
    static let bedrockCall = ProviderToolCall(
        id: "tooluse_1", name: "ListIndexTool", arguments: "{}", dataAsMap: ["stopReason": "tool_use"], announcement: nil)

    @Test func mapsEveryEventKindAndStopsAtTheFinalChunk() {
        var mapper = PredictStreamMapper()
        let chunks = mapper.chunks(for: [
            .text("Sure"),
            .toolCallDelta(#"[{"index":0.0}]"#),
            .toolCall(OpenAIChatStreamDecoderTests.retrieveIndexMetaCall),
            .toolCall(Self.bedrockCall),
            .completed,
            .text("late"),
            .completed,
        ])
        #expect(chunks == [
            PredictStreamChunk(content: "Sure"),
            PredictStreamChunk(content: #"[{"index":0.0}]"#),
            PredictStreamChunk(content: OpenAIChatStreamDecoderTests.retrieveIndexMetaCall.announcement!),
            PredictStreamChunk(content: ""),
            PredictStreamChunk(content: ""),
            .final,
        ])
        #expect(mapper.isFinished)
        #expect(mapper.errorChunk(for: InferenceError.sseNetworkFailure) == nil)
    }

    @Test func anErrorEndsTheStream() {
        var mapper = PredictStreamMapper()
        #expect(mapper.chunks(for: .text("Hi")) == [PredictStreamChunk(content: "Hi")])
        #expect(mapper.errorChunk(for: InferenceError.sseNetworkFailure)?.text == "data: {\"error\": \"SSE failure with network error\"}\n\n")
        #expect(mapper.chunks(for: .completed) == [])
    }

    @Test func bedrockFixtureMapsToPredictChunks() throws {
        var decoder = BedrockConverseStreamDecoder()
        var mapper = PredictStreamMapper()
        let events = try decoder.feed(try UpstreamFixture.bytes("bedrock-converse-stream.bin")) + decoder.finish()
        let text = mapper.chunks(for: events).map(\.text).joined()
        #expect(text.hasSuffix(PredictStreamChunk.final.text))
        #expect(text.contains(#"{"content":" tragedy. His line \"To be,","is_last":false}"#))
        #expect(text.contains(#"{"content":" most famous soliloquy.\n\n","is_last":false}"#))
    }
}
