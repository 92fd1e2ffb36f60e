#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The typed value of an event-stream header; each case maps to one wire type code.
public enum EventStreamHeaderValue: Sendable, Hashable {
    /// Wire types 0 (true) and 1 (false); the value lives in the type code itself.
    case bool(Bool)
    /// Wire type 2: one signed byte.
    case byte(Int8)
    /// Wire type 3: big-endian 16-bit signed integer.
    case short(Int16)
    /// Wire type 4: big-endian 32-bit signed integer.
    case integer(Int32)
    /// Wire type 5: big-endian 64-bit signed integer.
    case long(Int64)
    /// Wire type 6: opaque bytes with a 16-bit length.
    case byteArray([UInt8])
    /// Wire type 7: UTF-8 text with a 16-bit length.
    case string(String)
    /// Wire type 8: milliseconds since the Unix epoch as a 64-bit signed integer.
    case timestamp(millisecondsSince1970: Int64)
    /// Wire type 9: sixteen raw UUID bytes.
    case uuid(UUID)
}
