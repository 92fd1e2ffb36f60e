import Foundation
import WireFormats

/// Known-good frames. The first three are from awslabs/aws-c-event-stream's tests; the last was
/// produced independently with Python's `struct` and `zlib.crc32` to cover every header type.
enum EventStreamVectors {
    /// No headers, no payload.
    static let emptyMessage = [UInt8](hex: "00000010 00000000 05c248eb 7d98c8ff")

    /// No headers, payload `{'foo':'bar'}`.
    static let payloadOnly = [UInt8](hex: """
        0000001d 00000000 fd528c5a
        7b27666f 6f273a27 62617227 7d
        c3653936
        """)

    /// One string header `content-type: application/json`, payload `{'foo':'bar'}`.
    static let contentTypeHeader = [UInt8](hex: """
        0000003d 00000020 07fd8396
        0c 636f6e74656e742d74797065 07 0010 6170706c69636174696f6e2f6a736f6e
        7b27666f 6f273a27 62617227 7d
        8d9c08b1
        """)

    /// Every header type once, in wire-type order, with payload `{"k":"v"}`.
    static let allHeaderTypes = [UInt8](hex: """
        000000a0 00000087 66d9567c
        09626f6f6c2d7472756500 0a626f6f6c2d66616c736501
        046279746502cf 0573686f727403cfc7 07696e746567657204075bcd15
        046c6f6e6705fffffee08e04fb35 0562797465730600030001ff
        06737472696e6707000668c3a96c6c6f
        0974696d657374616d70080000018bcfe5687b
        0475756964090123456789abcdef0123456789abcdef
        7b226b223a2276227d
        db020892
        """)

    static let allHeaderTypesMessage = EventStreamMessage(
        headers: [
            EventStreamHeader(name: "bool-true", value: .bool(true)),
            EventStreamHeader(name: "bool-false", value: .bool(false)),
            EventStreamHeader(name: "byte", value: .byte(-49)),
            EventStreamHeader(name: "short", value: .short(-12_345)),
            EventStreamHeader(name: "integer", value: .integer(123_456_789)),
            EventStreamHeader(name: "long", value: .long(-1_234_567_890_123)),
            EventStreamHeader(name: "bytes", value: .byteArray([0x00, 0x01, 0xFF])),
            EventStreamHeader(name: "string", value: .string("héllo")),
            EventStreamHeader(name: "timestamp", value: .timestamp(millisecondsSince1970: 1_700_000_000_123)),
            EventStreamHeader(name: "uuid", value: .uuid(UUID(uuidString: "01234567-89AB-CDEF-0123-456789ABCDEF")!)),
        ],
        payload: Array(#"{"k":"v"}"#.utf8)
    )

    /// A frame with valid checksums around arbitrary header bytes, for malformed-header tests.
    static func frame(headerBytes: [UInt8], payload: [UInt8] = []) -> [UInt8] {
        var frame: [UInt8] = []
        frame += bigEndian(UInt32(16 + headerBytes.count + payload.count))
        frame += bigEndian(UInt32(headerBytes.count))
        frame += bigEndian(CRC32.checksum(frame))
        frame += headerBytes + payload
        frame += bigEndian(CRC32.checksum(frame))
        return frame
    }

    /// A prelude with a valid checksum but arbitrary lengths, for length-validation tests.
    static func prelude(totalLength: UInt32, headersLength: UInt32) -> [UInt8] {
        let lengths = bigEndian(totalLength) + bigEndian(headersLength)
        return lengths + bigEndian(CRC32.checksum(lengths))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }
}
