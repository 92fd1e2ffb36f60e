/// A byte count as OpenSearch's `ByteSizeValue.toString()` prints it in `_cat` tables and the
/// ListIndexTool: the largest unit not above the value, one decimal truncated, `.0` dropped.
public struct ByteSizeValue: Sendable, Hashable, CustomStringConvertible {
    public let bytes: Int64

    public init(bytes: Int64) { self.bytes = bytes }

    private static let units: [(threshold: Int64, suffix: String)] = [
        (1 << 50, "pb"), (1 << 40, "tb"), (1 << 30, "gb"), (1 << 20, "mb"), (1 << 10, "kb"),
    ]

    /// `208b`, `4kb`, `17.1kb`, `1.8mb`.
    public var description: String {
        for unit in Self.units where bytes >= unit.threshold {
            return Self.format1Decimals(Double(bytes) / Double(unit.threshold), suffix: unit.suffix)
        }
        return Self.format1Decimals(Double(bytes), suffix: "b")
    }

    /// `Strings.format1Decimals`: cuts `Double.toString` after the first fraction digit (no rounding).
    static func format1Decimals(_ value: Double, suffix: String) -> String {
        let text = Array(JavaDouble.string(value))
        let point = (text.firstIndex(of: ".") ?? -1) + 1
        let exponent = text.firstIndex(of: "E").map { String(text[$0...]) } ?? ""
        let fraction = text[point]
        let whole = String(text[..<(point - 1)])
        return fraction == "0" ? whole + exponent + suffix : whole + "." + String(fraction) + exponent + suffix
    }
}
