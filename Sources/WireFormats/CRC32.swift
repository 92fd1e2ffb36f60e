/// CRC-32 with the IEEE 802.3 (zlib) reflected polynomial `0xEDB88320`.
///
/// AWS event-stream frames carry two of these checksums, so the type supports both one-shot
/// and incremental use.
public struct CRC32: Sendable, Hashable {
    /// Running register, kept inverted as the algorithm specifies.
    private var register: UInt32 = 0xFFFF_FFFF

    /// Creates a checksum of zero bytes.
    public init() {}

    /// The checksum of every byte passed to ``update(_:)`` so far.
    public var value: UInt32 { ~register }

    /// Folds `bytes` into the checksum.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        // Arrays and slices take the unsafe-buffer path; other sequences are iterated.
        let usedContiguousStorage = bytes.withContiguousStorageIfAvailable { buffer in
            register = Self.advance(register, over: buffer)
        } != nil
        if !usedContiguousStorage {
            register = Self.advance(register, over: bytes)
        }
    }

    private static func advance(_ register: UInt32, over bytes: some Sequence<UInt8>) -> UInt32 {
        table.withUnsafeBufferPointer { table in
            var crc = register
            for byte in bytes {
                crc = table[Int(UInt8(truncatingIfNeeded: crc) ^ byte)] ^ (crc >> 8)
            }
            return crc
        }
    }

    /// Returns the checksum of `bytes` in one call.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    /// One entry per byte value: the register change that byte causes, computed once.
    private static let table: [UInt32] = (0...UInt32(255)).map { byte in
        var entry = byte
        for _ in 0..<8 {
            entry = entry & 1 == 1 ? (entry >> 1) ^ 0xEDB8_8320 : entry >> 1
        }
        return entry
    }
}
