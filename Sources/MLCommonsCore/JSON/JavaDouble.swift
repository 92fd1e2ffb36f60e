/// Renders doubles exactly as Java's `Double.toString` does (JDK 19+ shortest round-trip digits),
/// which is what gson writes for every number it has read into a `Map`.
public enum JavaDouble {
    /// `33` → `33.0`, `1759580469` → `1.759580469E9`, `0.0001` → `1.0E-4`.
    public static func string(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        return layout(shortestText: abs(value).description, negative: value < 0, magnitude: abs(value))
    }

    /// `Float.toString` (what Jackson writes for a `float` tensor value): the same layout over the
    /// shortest digits that round-trip a 32-bit float, `0.0123` → `0.0123`, `0.000213` → `2.13E-4`.
    public static func string(_ value: Float) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        return layout(shortestText: abs(value).description, negative: value < 0, magnitude: Double(abs(value)))
    }

    private static func layout(shortestText: String, negative: Bool, magnitude: Double) -> String {
        let sign = negative ? "-" : ""
        let plain = magnitude >= 1e-3 && magnitude < 1e7
        // In Java's plain range Swift's own shortest form is already laid out the same way (`0.0123`, `123.0`).
        if plain, !shortestText.utf8.contains(UInt8(ascii: "e")) { return sign + shortestText }
        let (digits, pointPosition) = shortestDigits(shortestText)
        if plain {
            return sign + plainNotation(digits: digits, pointPosition: pointPosition)
        }
        return sign + scientificNotation(digits: digits, pointPosition: pointPosition)
    }

    /// The shortest decimal digits that round-trip, and where the decimal point sits relative to them
    /// (value = 0.d1d2d3… × 10^pointPosition).
    static func shortestDigits(_ text: String) -> (digits: [Character], pointPosition: Int) {
        // Swift's description is the shortest round-trip form; it is only re-laid out here.
        var mantissa = text
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(text[..<e])
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = Array(parts[0])
        let fractionPart = parts.count > 1 ? Array(parts[1]) : []
        var digits = integerPart + fractionPart
        var pointPosition = integerPart.count + exponent
        while let first = digits.first, first == "0", digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while let last = digits.last, last == "0", digits.count > 1 { digits.removeLast() }
        return (digits, pointPosition)
    }

    private static func plainNotation(digits: [Character], pointPosition: Int) -> String {
        if pointPosition <= 0 {
            return "0." + String(repeating: "0", count: -pointPosition) + String(digits)
        }
        if pointPosition >= digits.count {
            return String(digits) + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        }
        return String(digits[..<pointPosition]) + "." + String(digits[pointPosition...])
    }

    private static func scientificNotation(digits: [Character], pointPosition: Int) -> String {
        let fraction = digits.count > 1 ? String(digits[1...]) : "0"
        return "\(digits[0]).\(fraction)E\(pointPosition - 1)"
    }
}
