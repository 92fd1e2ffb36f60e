/// How json-smart (2.5.2, `MODE_PERMISSIVE`, the parser behind `JsonPath.parse(String)`) types numbers,
/// and so how they print again: integers as `Integer`/`Long`/`BigInteger`, decimals of up to 18 characters
/// as `Double`, longer ones as `BigDecimal`.
enum JSONSmartNumber {
    /// The literal as the Java number json-smart creates prints (`Double.toString`, `BigDecimal.toString`).
    static func normalized(_ number: JSONNumber) -> JSONNumber {
        if number.isIntegerLiteral {
            if let exact = Int64(number.text) { return JSONNumber(text: String(exact)) }
            return number
        }
        if number.text.count > 18 { return JSONNumber(text: JavaBigDecimal.string(literal: number.text)) }
        return JSONNumber(text: JavaDouble.string(number.doubleValue))
    }

    /// The Java class of the parsed number.
    static func javaClass(of number: JSONNumber) -> String {
        if number.isIntegerLiteral {
            guard let value = Int64(number.text) else { return "java.math.BigInteger" }
            return Int32(exactly: value) != nil ? "java.lang.Integer" : "java.lang.Long"
        }
        return number.text.count > 18 ? "java.math.BigDecimal" : "java.lang.Double"
    }

    /// json-smart's `toJSONString` (`JSONStyle.NO_COMPRESS`): compact JSON, `/` escaped, and U+007F–U+009F
    /// and U+2000–U+20FF as `\uXXXX`.
    static func jsonText(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.text
        case .string(let text): return "\"" + escaped(text) + "\""
        case .array(let elements): return "[" + elements.map(jsonText(of:)).joined(separator: ",") + "]"
        case .object(let object):
            return "{" + object.map { "\"\(escaped($0.key))\":\(jsonText(of: $0.value))" }.joined(separator: ",") + "}"
        }
    }

    private static func escaped(_ text: String) -> String {
        var out = ""
        for unit in text.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x2F: out += "\\/"
            case 0x00...0x1F, 0x7F...0x9F, 0x2000...0x20FF:
                out += "\\u" + Hex.fourDigits(UInt32(unit), uppercase: true)
            default:
                out += String(decoding: [unit], as: UTF16.self)
            }
        }
        return out
    }
}
