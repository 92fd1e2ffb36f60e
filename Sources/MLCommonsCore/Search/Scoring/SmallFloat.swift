/// Lucene's `SmallFloat`: the one-byte encoding of a field's length that norms store. Lengths up to
/// 23 are exact; above, four bits of mantissa keep the value within about 6%.
public enum SmallFloat {
    /// `SmallFloat.intToByte4`: the byte a field of `length` tokens stores (lossy above 23).
    public static func intToByte4(_ length: Int32) -> UInt8 {
        let length = max(0, length)
        if length < numFreeValues { return UInt8(length) }
        let encoded = longToInt4(Int64(length) - Int64(numFreeValues))
        return UInt8(encoded + numFreeValues)
    }

    /// `SmallFloat.byte4ToInt`: the length a norm byte stands for (the lower bound of its bucket).
    public static func byte4ToInt(_ byte: UInt8) -> Int32 {
        let value = Int32(byte)
        if value < numFreeValues { return value }
        return int4ToLong(value - numFreeValues) + numFreeValues
    }

    /// Byte values below this stand for themselves (`NUM_FREE_VALUES`, 24).
    private static let numFreeValues: Int32 = 255 - longToInt4(Int64(Int32.max))

    /// `longToInt4`: three bits of mantissa after the implicit leading one, the rest the shift.
    private static func longToInt4(_ value: Int64) -> Int32 {
        let numBits = 64 - value.leadingZeroBitCount
        if numBits < 4 { return Int32(value) }
        let shift = numBits - 4
        var encoded = Int32(truncatingIfNeeded: value >> shift) & 0x07
        encoded |= Int32(shift + 1) << 3
        return encoded
    }

    private static func int4ToLong(_ value: Int32) -> Int32 {
        let bits = value & 0x07
        let shift = (value >> 3) - 1
        if shift < 0 { return bits }
        return (bits | 0x08) << shift
    }
}
