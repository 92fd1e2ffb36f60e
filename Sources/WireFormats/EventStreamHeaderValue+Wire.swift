#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension EventStreamHeaderValue {
    /// The type code written before the value.
    var wireType: UInt8 {
        switch self {
        case .bool(true): 0
        case .bool(false): 1
        case .byte: 2
        case .short: 3
        case .integer: 4
        case .long: 5
        case .byteArray: 6
        case .string: 7
        case .timestamp: 8
        case .uuid: 9
        }
    }

    /// Appends the type code and the value's bytes.
    func append(to buffer: inout [UInt8]) throws(EventStreamError) {
        buffer.append(wireType)
        switch self {
        case .bool:
            break
        case .byte(let value):
            buffer.append(UInt8(bitPattern: value))
        case .short(let value):
            buffer.appendBigEndian(value)
        case .integer(let value):
            buffer.appendBigEndian(value)
        case .long(let value):
            buffer.appendBigEndian(value)
        case .byteArray(let bytes):
            try Self.appendLengthPrefixed(bytes, to: &buffer)
        case .string(let text):
            try Self.appendLengthPrefixed(text.utf8, to: &buffer)
        case .timestamp(let milliseconds):
            buffer.appendBigEndian(milliseconds)
        case .uuid(let uuid):
            withUnsafeBytes(of: uuid.uuid) { buffer.append(contentsOf: $0) }
        }
    }

    /// Reads a type code and the value that follows it.
    static func read(from reader: inout ByteReader) throws(EventStreamError) -> Self {
        guard let type: UInt8 = reader.readInteger() else {
            throw .malformedHeader("missing value type")
        }
        switch type {
        case 0: return .bool(true)
        case 1: return .bool(false)
        case 2: return .byte(try readFixed(from: &reader))
        case 3: return .short(try readFixed(from: &reader))
        case 4: return .integer(try readFixed(from: &reader))
        case 5: return .long(try readFixed(from: &reader))
        case 6: return .byteArray(Array(try readLengthPrefixed(from: &reader)))
        case 7:
            let bytes = try readLengthPrefixed(from: &reader)
            guard let text = String(strictUTF8: bytes) else {
                throw .malformedHeader("string value is not valid UTF-8")
            }
            return .string(text)
        case 8: return .timestamp(millisecondsSince1970: try readFixed(from: &reader))
        case 9:
            guard let bytes = reader.readBytes(count: 16) else {
                throw .malformedHeader("truncated uuid value")
            }
            return .uuid(UUID(uuidBytes: bytes))
        default:
            throw .malformedHeader("unknown value type \(type)")
        }
    }

    private static func readFixed<Integer: FixedWidthInteger>(
        from reader: inout ByteReader
    ) throws(EventStreamError) -> Integer {
        guard let value: Integer = reader.readInteger() else {
            throw .malformedHeader("truncated \(Integer.bitWidth)-bit value")
        }
        return value
    }

    private static func readLengthPrefixed(from reader: inout ByteReader) throws(EventStreamError) -> ArraySlice<UInt8> {
        guard let length: UInt16 = reader.readInteger(), let bytes = reader.readBytes(count: Int(length)) else {
            throw .malformedHeader("truncated variable-length value")
        }
        return bytes
    }

    private static func appendLengthPrefixed(
        _ bytes: some Collection<UInt8>,
        to buffer: inout [UInt8]
    ) throws(EventStreamError) {
        guard bytes.count <= EventStreamLimits.maximumHeaderValueLength else {
            throw .headerTooLarge("value of \(bytes.count) bytes exceeds \(EventStreamLimits.maximumHeaderValueLength)")
        }
        buffer.appendBigEndian(UInt16(bytes.count))
        buffer.append(contentsOf: bytes)
    }
}
