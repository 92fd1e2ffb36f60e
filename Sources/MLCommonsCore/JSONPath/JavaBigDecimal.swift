/// `new BigDecimal(literal).toString()`: plain notation unless the scale is negative or the adjusted
/// exponent is below -6, then `d.dddE±n`.
enum JavaBigDecimal {
    static func string(literal: String) -> String {
        var text = Substring(literal)
        var negative = false
        if let sign = text.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            text = text.dropFirst()
        }
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            // BigDecimal's exponent is an `int`; beyond it Java throws, so the literal is kept as written.
            guard let parsed = Int32(text[text.index(after: marker)...]) else { return literal }
            exponent = Int(parsed)
            text = text[..<marker]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        let unpadded = (String(parts[0]) + fraction).drop { $0 == "0" }
        let digits = unpadded.isEmpty ? "0" : String(unpadded)
        let scale = fraction.count - exponent
        let adjusted = -scale + (digits.count - 1)
        let sign = negative && digits != "0" ? "-" : ""
        if scale == 0 { return sign + digits }
        if scale > 0, adjusted >= -6 {
            if digits.count > scale {
                let point = digits.index(digits.endIndex, offsetBy: -scale)
                return sign + digits[..<point] + "." + digits[point...]
            }
            return sign + "0." + String(repeating: "0", count: scale - digits.count) + digits
        }
        let mantissa = digits.count > 1 ? String(digits.prefix(1)) + "." + digits.dropFirst() : digits
        return sign + mantissa + "E" + (adjusted > 0 ? "+" : "") + String(adjusted)
    }
}
