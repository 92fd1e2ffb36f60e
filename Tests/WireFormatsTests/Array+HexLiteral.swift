extension Array where Element == UInt8 {
    /// Bytes from a hex string such as `"00 0a ff"`; whitespace is ignored so vectors can be laid out readably.
    init(hex: String) {
        let digits = hex.filter { !$0.isWhitespace }
        precondition(digits.count.isMultiple(of: 2), "odd number of hex digits")
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index != digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            bytes.append(UInt8(digits[index..<next], radix: 16)!)
            index = next
        }
        self = bytes
    }
}
