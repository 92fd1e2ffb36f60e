extension Sequence<UInt8> {
    /// Lowercase hexadecimal, the form SigV4 uses for hashes and signatures.
    var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: result, as: UTF8.self)
    }
}
