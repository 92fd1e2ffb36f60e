extension Array where Element == UInt8 {
    /// Appends `value` in network (big-endian) byte order.
    mutating func appendBigEndian(_ value: some FixedWidthInteger) {
        let size = value.bitWidth / 8
        for shift in stride(from: (size - 1) * 8, through: 0, by: -8) {
            append(UInt8(truncatingIfNeeded: value >> shift))
        }
    }

    /// Overwrites four bytes at `offset` with `value` in big-endian order; used to patch lengths in place.
    mutating func replaceBigEndian(_ value: UInt32, at offset: Int) {
        self[offset] = UInt8(truncatingIfNeeded: value >> 24)
        self[offset + 1] = UInt8(truncatingIfNeeded: value >> 16)
        self[offset + 2] = UInt8(truncatingIfNeeded: value >> 8)
        self[offset + 3] = UInt8(truncatingIfNeeded: value)
    }
}
