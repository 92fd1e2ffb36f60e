extension FixedWidthInteger {
    /// Assembles an integer from exactly `MemoryLayout<Self>.size` big-endian bytes.
    init(bigEndianBytes bytes: some Collection<UInt8>) {
        assert(bytes.count == MemoryLayout<Self>.size)
        var accumulated: UInt64 = 0
        for byte in bytes {
            accumulated = accumulated << 8 | UInt64(byte)
        }
        // Truncation reinterprets the low bits, which is what a signed two's-complement read needs.
        self.init(truncatingIfNeeded: accumulated)
    }
}
