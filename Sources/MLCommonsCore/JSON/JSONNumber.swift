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
    public var gsonDouble: JSONNumber { JSONNumber(text: JavaDouble.string(doubleValue)) }

    public var description: String { text }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool { lhs.text == rhs.text }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
