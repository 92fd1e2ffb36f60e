/// A JSON number kept as its literal text, so a value passes through unchanged unless a
/// caller asks for another rendering (for example gson's `Double.toString`).
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number's JSON text, e.g. `33`, `0.7`, `1.759580469E9`.
    public let text: String
    /// Where the number ended in the text it was parsed from (Jackson quotes it in coercion errors);
    /// not part of the value's identity.
    public let end: JSONSourcePosition?

    /// Wraps already-valid JSON number text (the parser guarantees validity).
    public init(text: String, end: JSONSourcePosition? = nil) {
        self.text = text
        self.end = end
    }

    /// An integer, written without a fraction.
    public init(_ value: Int) { self.init(text: String(value)) }

    /// A double, written the way Java's `Double.toString` writes it (`33.0`, `1.0E-4`).
    public init(_ value: Double) { self.init(text: JavaDouble.string(value)) }

    /// The value as a double (every JSON number has one).
    public var doubleValue: Double { Double(text) ?? .nan }

    /// The value as an integer when the text is an integer literal that fits.
    public var intValue: Int? {
        if let exact = Int(text) { return exact }
        let double = doubleValue
        guard double.isFinite, double == double.rounded(.towardZero), abs(double) < 9.0e18 else { return nil }
        return Int(double)
    }

    /// Whether the literal has no fraction and no exponent.
    public var isIntegerLiteral: Bool { !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }

    /// The same number as gson renders it after reading it into a `Map`: always a double.
    public var gsonDouble: JSONNumber {
        JSONNumber(text: Self.javaDoubleTextOfInteger(text) ?? JavaDouble.string(doubleValue))
    }

    /// `Double.toString` of a plain integer literal of at most 15 digits, written from its digits (every such
    /// integer is exact in a double, so its shortest digits are its own): `7` → `7.0`, `1732000000` → `1.732E9`.
    /// Streams carry such numbers in every chunk (`created`, `index`); nil for anything else.
    static func javaDoubleTextOfInteger(_ text: String) -> String? {
        var utf8 = Substring(text).utf8[...]
        let negative = utf8.first == UInt8(ascii: "-")
        if negative { utf8 = utf8.dropFirst() }
        guard !utf8.isEmpty, utf8.count <= 15, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            utf8.count == 1 || utf8.first != 0x30
        else { return nil }
        let digits = String(Substring(utf8))
        if digits == "0" { return negative ? "-0.0" : "0.0" }
        let sign = negative ? "-" : ""
        // Java's plain range ends below 10^7.
        if digits.count <= 7 { return sign + digits + ".0" }
        var fraction = digits.dropFirst()
        while fraction.last == "0" { fraction = fraction.dropLast() }
        return sign + String(digits.first!) + "." + (fraction.isEmpty ? "0" : String(fraction)) + "E" + String(digits.count - 1)
    }

    public var description: String { text }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool { lhs.text == rhs.text }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
