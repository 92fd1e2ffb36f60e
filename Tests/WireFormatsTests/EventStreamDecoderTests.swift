import Foundation
import Testing
import WireFormats

@Suite struct EventStreamDecoderTests {
    static func decodeAll(_ chunks: some Sequence<some Collection<UInt8>>) throws -> [EventStreamMessage] {
        var decoder = EventStreamDecoder()
        var messages: [EventStreamMessage] = []
        for chunk in chunks {
            messages += try decoder.feed(chunk)
        }
        try decoder.finish()
        return messages
    }

    /// Several frames as Bedrock ConverseStream sends them, plus the reference frames.
    static let conversation: [EventStreamMessage] = [
        .event(type: "messageStart", payload: Array(#"{"role":"assistant"}"#.utf8)),
        .event(type: "contentBlockDelta", payload: Array(#"{"contentBlockIndex":0,"delta":{"text":"Bonjour, ça va ? 🚀"}}"#.utf8)),
        .event(type: "contentBlockStop", payload: Array(#"{"contentBlockIndex":0}"#.utf8)),
        .event(type: "messageStop", payload: Array(#"{"stopReason":"end_turn"}"#.utf8)),
        .event(type: "metadata", payload: Array(#"{"usage":{"inputTokens":12,"outputTokens":7,"totalTokens":19},"metrics":{"latencyMs":321}}"#.utf8)),
        EventStreamVectors.allHeaderTypesMessage,
        EventStreamMessage(),
    ]

    static func conversationBytes() throws -> [UInt8] {
        var bytes: [UInt8] = []
        for message in conversation {
            try EventStreamEncoder().encode(message, into: &bytes)
        }
        return bytes
    }

    @Test func decodesReferenceFrames() throws {
        #expect(try Self.decodeAll([EventStreamVectors.emptyMessage]) == [EventStreamMessage()])
        #expect(try Self.decodeAll([EventStreamVectors.payloadOnly]) == [EventStreamMessage(payload: Array("{'foo':'bar'}".utf8))])

        let withHeader = try Self.decodeAll([EventStreamVectors.contentTypeHeader])
        #expect(withHeader.count == 1)
        #expect(withHeader.first?.headers == [EventStreamHeader(name: "content-type", value: .string("application/json"))])
        #expect(withHeader.first?.payload == Array("{'foo':'bar'}".utf8))
    }

    @Test func decodesEveryHeaderType() throws {
        #expect(try Self.decodeAll([EventStreamVectors.allHeaderTypes]) == [EventStreamVectors.allHeaderTypesMessage])
    }

    @Test func roundTripsExtremeHeaderValues() throws {
        let message = EventStreamMessage(
            headers: [
                EventStreamHeader(name: "min-byte", value: .byte(.min)),
                EventStreamHeader(name: "max-short", value: .short(.max)),
                EventStreamHeader(name: "min-integer", value: .integer(.min)),
                EventStreamHeader(name: "min-long", value: .long(.min)),
                EventStreamHeader(name: "max-long", value: .long(.max)),
                EventStreamHeader(name: "empty-bytes", value: .byteArray([])),
                EventStreamHeader(name: "empty-string", value: .string("")),
                EventStreamHeader(name: "max-string", value: .string(String(repeating: "é", count: 16_383))),
                EventStreamHeader(name: "before-1970", value: .timestamp(millisecondsSince1970: -1)),
                EventStreamHeader(name: "uuid", value: .uuid(UUID())),
                EventStreamHeader(name: "duplicate", value: .bool(true)),
                EventStreamHeader(name: "duplicate", value: .bool(false)),
            ],
            payload: Array(0...255)
        )
        #expect(try Self.decodeAll([EventStreamEncoder().encode(message)]) == [message])
    }

    @Test func multiFrameStreamSplitAtEveryByte() throws {
        let bytes = try Self.conversationBytes()
        for split in 0...bytes.count {
            #expect(try Self.decodeAll([bytes[..<split], bytes[split...]]) == Self.conversation, "split at byte \(split)")
        }
    }

    @Test func multiFrameStreamByteByByte() throws {
        let bytes = try Self.conversationBytes()
        #expect(try Self.decodeAll(bytes.map { [$0] }) == Self.conversation)
    }

    @Test func manyFramesInOddChunksExerciseCompaction() throws {
        let messages = (0..<2_000).map { EventStreamMessage.event(type: "chunk", payload: Array("delta \($0)".utf8)) }
        var bytes: [UInt8] = []
        for message in messages { try EventStreamEncoder().encode(message, into: &bytes) }
        let chunks = stride(from: 0, to: bytes.count, by: 13).map { bytes[$0..<min(bytes.count, $0 + 13)] }
        #expect(try Self.decodeAll(chunks) == messages)
    }

    @Test func corruptedPreludeChecksum() {
        var frame = EventStreamVectors.payloadOnly
        frame[8] ^= 0x01
        #expect(throws: EventStreamError.preludeChecksumMismatch) { try Self.decodeAll([frame]) }
    }

    @Test func corruptedLengthIsCaughtByPreludeChecksum() {
        var frame = EventStreamVectors.payloadOnly
        frame[3] ^= 0x40
        #expect(throws: EventStreamError.preludeChecksumMismatch) { try Self.decodeAll([frame]) }
    }

    @Test func corruptedPayload() {
        var frame = EventStreamVectors.payloadOnly
        frame[14] ^= 0x20
        #expect(throws: EventStreamError.messageChecksumMismatch) { try Self.decodeAll([frame]) }
    }

    @Test func corruptedMessageChecksum() {
        var frame = EventStreamVectors.contentTypeHeader
        frame[frame.count - 1] ^= 0xFF
        #expect(throws: EventStreamError.messageChecksumMismatch) { try Self.decodeAll([frame]) }
    }

    @Test func preludeErrorsSurfaceBeforeTheFrameCompletes() {
        var decoder = EventStreamDecoder()
        var frame = EventStreamVectors.payloadOnly
        frame[9] ^= 0x01
        #expect(throws: EventStreamError.preludeChecksumMismatch) { try decoder.feed(frame[..<12]) }
    }

    @Test(arguments: [UInt32(0), 15, 16 * 1024 * 1024 + 1, .max])
    func absurdTotalLength(totalLength: UInt32) {
        var decoder = EventStreamDecoder()
        let prelude = EventStreamVectors.prelude(totalLength: totalLength, headersLength: 0)
        #expect(throws: EventStreamError.invalidTotalLength) { try decoder.feed(prelude) }
    }

    @Test func configurableMaximumLength() throws {
        var decoder = EventStreamDecoder(maximumMessageLength: 28)
        #expect(throws: EventStreamError.invalidTotalLength) { try decoder.feed(EventStreamVectors.payloadOnly) }
        var roomier = EventStreamDecoder(maximumMessageLength: 29)
        #expect(try roomier.feed(EventStreamVectors.payloadOnly).count == 1)
    }

    @Test func headersLongerThanFrame() {
        var decoder = EventStreamDecoder()
        let prelude = EventStreamVectors.prelude(totalLength: 20, headersLength: 5)
        #expect(throws: EventStreamError.invalidHeadersLength) { try decoder.feed(prelude) }
    }

    @Test(arguments: [
        ("unknown value type", [UInt8](hex: "01 61 0a")),
        ("missing value type", [UInt8](hex: "01 61")),
        ("zero-length name", [UInt8](hex: "00 00")),
        ("truncated name", [UInt8](hex: "05 61 62")),
        ("truncated integer", [UInt8](hex: "01 61 04 00 00 01")),
        ("truncated string", [UInt8](hex: "01 61 07 00 05 61 62")),
        ("truncated length", [UInt8](hex: "01 61 06 00")),
        ("truncated uuid", [UInt8](hex: "01 61 09 00 01 02 03")),
        ("invalid UTF-8 name", [UInt8](hex: "01 ff 00")),
        ("invalid UTF-8 string", [UInt8](hex: "01 61 07 00 02 c3 28")),
    ])
    func malformedHeaders(reason: String, headerBytes: [UInt8]) {
        let frame = EventStreamVectors.frame(headerBytes: headerBytes, payload: [0x7B, 0x7D])
        #expect(throws: EventStreamError.malformedHeader, "\(reason)") { try Self.decodeAll([frame]) }
    }

    @Test func incompleteFrameAtFinish() throws {
        var decoder = EventStreamDecoder()
        let frame = EventStreamVectors.payloadOnly
        #expect(try decoder.feed(frame.dropLast()).isEmpty)
        #expect(throws: EventStreamError.truncatedStream) { try decoder.finish() }
        #expect(try decoder.feed(frame.suffix(1)).count == 1)
        try decoder.finish()
    }

    @Test func failureIsSticky() {
        var decoder = EventStreamDecoder()
        var corrupt = EventStreamVectors.payloadOnly
        corrupt[20] ^= 0x01
        #expect(throws: EventStreamError.messageChecksumMismatch) { try decoder.feed(corrupt) }
        #expect(throws: EventStreamError.messageChecksumMismatch) { try decoder.feed(EventStreamVectors.emptyMessage) }
        #expect(throws: EventStreamError.messageChecksumMismatch) { try decoder.finish() }
    }

    @Test func errorDescriptionsCarryDetails() {
        var decoder = EventStreamDecoder()
        var frame = EventStreamVectors.payloadOnly
        frame[frame.count - 1] = 0x00
        do {
            _ = try decoder.feed(frame)
            Issue.record("expected a checksum error")
        } catch {
            #expect(error.description == "event-stream message checksum mismatch: frame says 0xc3653900, computed 0xc3653936")
        }
    }
}
