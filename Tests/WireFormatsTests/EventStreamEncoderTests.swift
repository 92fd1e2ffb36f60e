import Foundation
import Testing
import WireFormats

@Suite struct EventStreamEncoderTests {
    let encoder = EventStreamEncoder()

    @Test func emptyMessageMatchesReferenceFrame() throws {
        #expect(try encoder.encode(EventStreamMessage()) == EventStreamVectors.emptyMessage)
    }

    @Test func payloadOnlyMatchesReferenceFrame() throws {
        let message = EventStreamMessage(payload: Array("{'foo':'bar'}".utf8))
        #expect(try encoder.encode(message) == EventStreamVectors.payloadOnly)
    }

    @Test func stringHeaderMatchesReferenceFrame() throws {
        let message = EventStreamMessage(
            headers: [EventStreamHeader(name: "content-type", value: .string("application/json"))],
            payload: Array("{'foo':'bar'}".utf8)
        )
        #expect(try encoder.encode(message) == EventStreamVectors.contentTypeHeader)
    }

    @Test func everyHeaderTypeMatchesIndependentEncoding() throws {
        #expect(try encoder.encode(EventStreamVectors.allHeaderTypesMessage) == EventStreamVectors.allHeaderTypes)
    }

    @Test func appendsToExistingBuffer() throws {
        var buffer = EventStreamVectors.emptyMessage
        try encoder.encode(EventStreamMessage(payload: Array("{'foo':'bar'}".utf8)), into: &buffer)
        #expect(buffer == EventStreamVectors.emptyMessage + EventStreamVectors.payloadOnly)
    }

    @Test(arguments: [0, 256])
    func headerNameLengthOutsideOneByteRangeIsRejected(nameLength: Int) {
        let message = EventStreamMessage(headers: [
            EventStreamHeader(name: String(repeating: "n", count: nameLength), value: .bool(true)),
        ])
        #expect(throws: EventStreamError.headerTooLarge) { try encoder.encode(message) }
    }

    @Test func longestHeaderNameIsAccepted() throws {
        let message = EventStreamMessage(headers: [
            EventStreamHeader(name: String(repeating: "n", count: 255), value: .bool(true)),
        ])
        var decoder = EventStreamDecoder()
        #expect(try decoder.feed(encoder.encode(message)) == [message])
    }

    @Test func oversizedVariableLengthValuesAreRejected() {
        let tooLong = 32_768
        let string = EventStreamMessage(headers: [EventStreamHeader(name: "s", value: .string(String(repeating: "x", count: tooLong)))])
        let bytes = EventStreamMessage(headers: [EventStreamHeader(name: "b", value: .byteArray(Array(repeating: 0, count: tooLong)))])
        #expect(throws: EventStreamError.headerTooLarge) { try encoder.encode(string) }
        #expect(throws: EventStreamError.headerTooLarge) { try encoder.encode(bytes) }
    }

    @Test func oversizedPayloadIsRejectedAndBufferIsUntouched() {
        let message = EventStreamMessage(payload: Array(repeating: 0, count: 16 * 1024 * 1024))
        var buffer: [UInt8] = [1, 2, 3]
        #expect(throws: EventStreamError.messageTooLarge) { try encoder.encode(message, into: &buffer) }
        #expect(buffer == [1, 2, 3])
    }

    @Test func oversizedHeadersSectionIsRejected() {
        let header = EventStreamHeader(name: "h", value: .byteArray(Array(repeating: 0, count: 32_000)))
        let message = EventStreamMessage(headers: Array(repeating: header, count: 5))
        #expect(throws: EventStreamError.messageTooLarge) { try encoder.encode(message) }
    }

    @Test func bedrockEventHasStandardHeaders() throws {
        let payload = Array(#"{"contentBlockIndex":0,"delta":{"text":"Hi"}}"#.utf8)
        let message = EventStreamMessage.event(type: "contentBlockDelta", payload: payload)
        #expect(message.eventType == "contentBlockDelta")
        #expect(message.messageType == "event")
        #expect(message.contentType == "application/json")
        #expect(message.exceptionType == nil)
        var decoder = EventStreamDecoder()
        #expect(try decoder.feed(encoder.encode(message)) == [message])
    }

    @Test func exceptionHasStandardHeaders() {
        let message = EventStreamMessage.exception(type: "throttlingException", payload: Array(#"{"message":"slow down"}"#.utf8))
        #expect(message.exceptionType == "throttlingException")
        #expect(message.messageType == "exception")
        #expect(message.eventType == nil)
    }

    @Test func accessorsIgnoreNonStringValuesAndUseFirstMatch() {
        let message = EventStreamMessage(headers: [
            EventStreamHeader(name: ":event-type", value: .integer(1)),
            EventStreamHeader(name: ":content-type", value: .string("first")),
            EventStreamHeader(name: ":content-type", value: .string("second")),
        ])
        #expect(message.eventType == nil)
        #expect(message.contentType == "first")
        #expect(message.headerValue(named: ":event-type") == .integer(1))
    }
}
