import Testing
import WireFormats

@Suite struct SSEDecoderTests {
    /// A chat-completions stream as OpenAI sends it, including multi-byte characters and the `[DONE]` sentinel.
    static let chatCompletionChunks = [
        #"{"id":"chatcmpl-9x","object":"chat.completion.chunk","created":1718000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}"#,
        #"{"id":"chatcmpl-9x","object":"chat.completion.chunk","created":1718000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Café"},"logprobs":null,"finish_reason":null}]}"#,
        #"{"id":"chatcmpl-9x","object":"chat.completion.chunk","created":1718000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":" au lait 🚀☕"},"logprobs":null,"finish_reason":null}]}"#,
        #"{"id":"chatcmpl-9x","object":"chat.completion.chunk","created":1718000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}"#,
        #"{"id":"chatcmpl-9x","object":"chat.completion.chunk","created":1718000000,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13}}"#,
        "[DONE]",
    ]

    static let expectedEvents = chatCompletionChunks.map { SSEEvent(data: $0) }

    /// The stream with a keep-alive comment, using `lineEnding` everywhere.
    static func chatCompletionStream(lineEnding: String) -> [UInt8] {
        var text = ": keep-alive" + lineEnding + lineEnding
        for chunk in chatCompletionChunks {
            text += "data: " + chunk + lineEnding + lineEnding
        }
        return Array(text.utf8)
    }

    static func decode(_ chunks: some Sequence<some Collection<UInt8>>) -> [SSEEvent] {
        var decoder = SSEDecoder()
        var events: [SSEEvent] = []
        for chunk in chunks {
            events += decoder.feed(chunk)
        }
        if let last = decoder.finish() { events.append(last) }
        return events
    }

    static func decode(_ text: String) -> [SSEEvent] {
        decode([Array(text.utf8)])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func wholeStream(lineEnding: String) {
        let stream = Self.chatCompletionStream(lineEnding: lineEnding)
        #expect(Self.decode([stream]) == Self.expectedEvents)
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyTwoChunkSplit(lineEnding: String) {
        let stream = Self.chatCompletionStream(lineEnding: lineEnding)
        for split in 0...stream.count {
            let events = Self.decode([stream[..<split], stream[split...]])
            #expect(events == Self.expectedEvents, "split at byte \(split)")
        }
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func byteByByte(lineEnding: String) {
        let stream = Self.chatCompletionStream(lineEnding: lineEnding)
        #expect(Self.decode(stream.map { [$0] }) == Self.expectedEvents)
    }

    @Test func mixedLineEndingsInOneStream() {
        #expect(Self.decode("data: a\r\n\ndata: b\r\rdata: c\n\r") == ["a", "b", "c"].map { SSEEvent(data: $0) })
    }

    @Test func carriageReturnAtChunkEndDoesNotDoubleTheLineBreak() {
        // `\r` then `\n` in the next chunk is one line break; treating it as two would dispatch early.
        var decoder = SSEDecoder()
        #expect(decoder.feed(Array("data: a\r".utf8)).isEmpty)
        #expect(decoder.feed(Array("\ndata: b\r".utf8)).isEmpty)
        #expect(decoder.feed(Array("\n\r".utf8)) == [SSEEvent(data: "a\nb")])
        #expect(decoder.feed(Array("\n".utf8)).isEmpty)
    }

    @Test func multipleDataLinesJoinWithNewline() {
        #expect(Self.decode("data: first\ndata: second\ndata:\ndata: fourth\n\n") == [SSEEvent(data: "first\nsecond\n\nfourth")])
    }

    @Test func onlyOneLeadingSpaceIsRemoved() {
        #expect(Self.decode("data:no-space\n\ndata:  two\n\n") == [SSEEvent(data: "no-space"), SSEEvent(data: " two")])
    }

    @Test func fieldWithoutColonHasEmptyValue() {
        #expect(Self.decode("data\n\n") == [SSEEvent(data: "")])
    }

    @Test func commentsAndUnknownFieldsAreIgnored() {
        #expect(Self.decode(": comment\nfoo: bar\ndata: x\n:another\n\n") == [SSEEvent(data: "x")])
    }

    @Test func blocksWithoutDataAreNotDispatched() {
        #expect(Self.decode("event: ping\n\nretry: 5\n\n\n\nid: 1\n\n").isEmpty)
    }

    @Test func emptyDataLineStillDispatches() {
        #expect(Self.decode("data:\n\n") == [SSEEvent(data: "")])
    }

    @Test func eventTypeAppliesToItsBlockOnly() {
        #expect(
            Self.decode("event: delta\ndata: 1\n\ndata: 2\n\nevent:\ndata: 3\n\n")
                == [SSEEvent(data: "1", event: "delta"), SSEEvent(data: "2"), SSEEvent(data: "3")]
        )
    }

    @Test func lastEventIDPersistsUntilReset() {
        let events = Self.decode("id: 1\ndata: a\n\ndata: b\n\nid\ndata: c\n\nid: 2\u{0}\ndata: d\n\n")
        #expect(events.map(\.id) == ["1", "1", nil, nil])
    }

    @Test func retryAcceptsOnlyASCIIDigits() {
        let events = Self.decode("retry: 1500\ndata: a\n\nretry: 15x\ndata: b\n\nretry: -1\ndata: c\n\nretry: 99999999999999999999999\ndata: d\n\n")
        #expect(events.map(\.retry) == [1500, nil, nil, nil])
    }

    @Test func multiByteCharactersSplitAcrossChunks() {
        let bytes = Array("data: é🚀\n\n".utf8)
        for split in 0...bytes.count {
            #expect(Self.decode([bytes[..<split], bytes[split...]]) == [SSEEvent(data: "é🚀")])
        }
    }

    @Test func invalidUTF8BecomesReplacementCharacter() {
        let bytes = Array("data: a".utf8) + [0xFF] + Array("b\n\n".utf8)
        #expect(Self.decode([bytes]) == [SSEEvent(data: "a\u{FFFD}b")])
    }

    @Test func leadingByteOrderMarkIsSkippedEvenWhenSplit() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("data: x\n\n".utf8)
        #expect(Self.decode(bytes.map { [$0] }) == [SSEEvent(data: "x")])
        #expect(Self.decode([bytes]) == [SSEEvent(data: "x")])
    }

    @Test func finishReturnsEventWhoseLastLineWasComplete() {
        #expect(Self.decode("data: a\n\ndata: [DONE]\n") == [SSEEvent(data: "a"), SSEEvent(data: "[DONE]")])
    }

    @Test func finishDiscardsTruncatedLine() {
        #expect(Self.decode("data: a\n\ndata: {\"partial\"") == [SSEEvent(data: "a")])
    }

    @Test func finishResetsTheDecoder() {
        var decoder = SSEDecoder()
        _ = decoder.feed(Array("id: 1\ndata: a\n".utf8))
        #expect(decoder.finish() == SSEEvent(data: "a", id: "1"))
        #expect(decoder.feed(Array("data: b\n\n".utf8)) == [SSEEvent(data: "b")])
    }

    @Test func longStreamInOddChunksExercisesCompaction() {
        let encoder = SSEEncoder()
        var stream: [UInt8] = []
        let events = (0..<5_000).map { SSEEvent(data: "event number \($0) ✓") }
        for event in events { encoder.encode(event, into: &stream) }
        var chunks: [ArraySlice<UInt8>] = []
        var start = 0
        while start < stream.count {
            let end = min(stream.count, start + 7)
            chunks.append(stream[start..<end])
            start = end
        }
        #expect(Self.decode(chunks) == events)
    }

    @Test func longSingleEventAcrossManyChunks() {
        let payload = String(repeating: "0123456789", count: 50_000)
        let stream = Array("data: \(payload)\n\n".utf8)
        let chunks = stride(from: 0, to: stream.count, by: 1_000).map { stream[$0..<min(stream.count, $0 + 1_000)] }
        #expect(Self.decode(chunks) == [SSEEvent(data: payload)])
    }
}
