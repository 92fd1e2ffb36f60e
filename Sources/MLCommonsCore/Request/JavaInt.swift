/// Reading a Java `int` the ways OpenSearch and ml-commons do, so out-of-range input gets the JVM's
/// own errors instead of trapping: Jackson's `getIntValue`, `Integer.parseInt` and `Double.parseDouble`.
public enum JavaInt {
    public static let range = Int(Int32.min)...Int(Int32.max)

    /// Jackson's `getIntValue()` on a number token (a fraction is truncated), then `ensureNumberConversion`.
    public static func value(of number: JSONNumber, coerce: Bool = true) throws(OpenSearchError) -> Int {
        if number.isIntegerLiteral {
            guard let exact = Int(number.text), range.contains(exact) else { throw overflow(number) }
            return exact
        }
        let double = number.doubleValue
        guard double.isFinite, double >= Double(Int32.min), double <= Double(Int32.max) else { throw overflow(number) }
        let truncated = Int(double.rounded(.towardZero))
        if !coerce, Double(truncated) != double {
            throw .illegalArgument("\(JavaDouble.string(double)) cannot be converted to Integer without data loss")
        }
        return truncated
    }

    /// `AbstractXContentParser.intValue` on a string token: `Double.parseDouble`, range-checked, truncated.
    public static func parsingDouble(_ text: String) throws(OpenSearchError) -> Int {
        guard text.unicodeScalars.contains(where: { $0.value > 0x20 }) else {
            throw OpenSearchError("NumberFormatException", reason: "empty String", status: 400)
        }
        guard let double = javaParseDouble(text) else { throw numberFormat(text) }
        guard double.isNaN || (double >= Double(Int32.min) && double <= Double(Int32.max)) else {
            throw .illegalArgument("Value [\(text)] is out of range for an integer")
        }
        // Java's `(int) NaN` is 0.
        return double.isNaN ? 0 : Int(double.rounded(.towardZero))
    }

    /// `Integer.parseInt(text)`: an optional sign and decimal digits that fit an `int`.
    public static func parse(_ text: String) throws(OpenSearchError) -> Int {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text),
            range.contains(value)
        else { throw numberFormat(text) }
        return value
    }

    /// `NumberFormatException`: `For input string: "x"`.
    public static func numberFormat(_ text: String) -> OpenSearchError {
        OpenSearchError("NumberFormatException", reason: "For input string: \"\(text)\"", status: 400)
    }

    /// Jackson's `InputCoercionException` for a number outside `int`, with the location after the number.
    public static func overflow(_ number: JSONNumber) -> OpenSearchError {
        let reason = "Numeric value (\(number.text)) out of range of int (-2147483648 - 2147483647)"
        return OpenSearchError("InputCoercionException", reason: reason + (number.end?.jacksonSuffix ?? ""), status: 400)
    }

    /// `Double.parseDouble`: surrounding control characters and spaces ignored, a `d`/`f` suffix allowed.
    static func javaParseDouble(_ text: String) -> Double? {
        var trimmed = Substring(text)
        while let first = trimmed.unicodeScalars.first, first.value <= 0x20 { trimmed = trimmed.dropFirst() }
        while let last = trimmed.unicodeScalars.last, last.value <= 0x20 { trimmed = trimmed.dropLast() }
        if let last = trimmed.last, "dDfF".contains(last), trimmed.count > 1 { trimmed = trimmed.dropLast() }
        // Swift also reads `inf` and `nan`, which Java does not.
        let lowered = trimmed.lowercased()
        if lowered.contains("inf") && !trimmed.contains("Infinity") { return nil }
        if lowered.contains("nan") && !trimmed.hasSuffix("NaN") { return nil }
        return Double(trimmed)
    }
}
