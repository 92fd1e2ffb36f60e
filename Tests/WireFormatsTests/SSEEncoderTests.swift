import Testing
import WireFormats

@Suite struct SSEEncoderTests {
    let encoder = SSEEncoder()

    @Test func dataOnlyEventIsExactlyDataLineAndBlankLine() {
        let json = #"{"id":"chatcmpl-1","choices":[{"delta":{"content":"Hi"}}]}"#
        #expect(encoder.encode(SSEEvent(data: json)) == Array(("data: " + json + "\n\n").utf8))
    }

    @Test func doneSentinel() {
        #expect(String(decoding: encoder.encode(SSEEvent(data: "[DONE]")), as: UTF8.self) == "data: [DONE]\n\n")
    }

    @Test(arguments: ["a\nb\nc", "a\r\nb\r\nc", "a\rb\rc"])
    func multiLineDataBecomesOneFieldPerLine(data: String) {
        #expect(String(decoding: encoder.encode(SSEEvent(data: data)), as: UTF8.self) == "data: a\ndata: b\ndata: c\n\n")
    }

    @Test func emptyAndTrailingNewlineDataKeepTheirLines() {
        #expect(String(decoding: encoder.encode(SSEEvent(data: "")), as: UTF8.self) == "data: \n\n")
        #expect(String(decoding: encoder.encode(SSEEvent(data: "x\n")), as: UTF8.self) == "data: x\ndata: \n\n")
    }

    @Test func allFieldsInStableOrder() {
        let event = SSEEvent(data: "payload", event: "update", id: "42", retry: 3000)
        #expect(
            String(decoding: encoder.encode(event), as: UTF8.self)
                == "event: update\nid: 42\nretry: 3000\ndata: payload\n\n"
        )
    }

    @Test func lineBreaksAndNulCannotEscapeSingleLineFields() {
        let event = SSEEvent(data: "d", event: "a\nb", id: "1\r2\u{0}3")
        #expect(String(decoding: encoder.encode(event), as: UTF8.self) == "event: ab\nid: 123\ndata: d\n\n")
    }

    @Test func encodesIntoExistingBuffer() {
        var buffer = Array("data: first\n\n".utf8)
        encoder.encode(SSEEvent(data: "second"), into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "data: first\n\ndata: second\n\n")
    }

    @Test func commentsAreIgnoredByTheDecoder() {
        #expect(String(decoding: encoder.encodeComment("keep-alive"), as: UTF8.self) == ": keep-alive\n\n")
        #expect(String(decoding: encoder.encodeComment("a\nb"), as: UTF8.self) == ": a\n: b\n\n")
        var decoder = SSEDecoder()
        #expect(decoder.feed(encoder.encodeComment("a\nb")).isEmpty)
    }

    @Test func roundTripsThroughTheDecoder() {
        let events = [
            SSEEvent(data: #"{"content":"Café 🚀"}"#),
            SSEEvent(data: "line one\nline two\n\nline four", event: "multi"),
            SSEEvent(data: "", id: "7"),
            SSEEvent(data: " leading space is data", id: "8", retry: 10),
            SSEEvent(data: "[DONE]", id: "8"),
        ]
        var bytes: [UInt8] = []
        for event in events { encoder.encode(event, into: &bytes) }
        var decoder = SSEDecoder()
        #expect(decoder.feed(bytes) == events)
    }
}
