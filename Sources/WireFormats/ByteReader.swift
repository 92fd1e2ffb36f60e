/// A bounds-checked cursor over bytes that reads big-endian integers, as AWS framing uses.
struct ByteReader {
    private let bytes: ArraySlice<UInt8>
    private var index: ArraySlice<UInt8>.Index

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    /// `true` once every byte has been read.
    var isAtEnd: Bool { index == bytes.endIndex }

    /// Reads a big-endian integer, or returns `nil` (consuming nothing) if too few bytes remain.
    mutating func readInteger<Integer: FixedWidthInteger>(as _: Integer.Type = Integer.self) -> Integer? {
        let size = MemoryLayout<Integer>.size
        guard let slice = readBytes(count: size) else { return nil }
        return Integer(bigEndianBytes: slice)
    }

    /// Reads `count` bytes, or returns `nil` (consuming nothing) if too few remain.
    mutating func readBytes(count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, bytes.endIndex - index >= count else { return nil }
        defer { index += count }
        return bytes[index..<index + count]
    }
}
