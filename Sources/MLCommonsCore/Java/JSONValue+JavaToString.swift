extension JSONValue {
    /// The text Java's `String.valueOf` gives the value once XContent has parsed it into maps and
    /// lists: `AbstractMap.toString` (`{type=text, fields={…}}`), `AbstractCollection.toString`
    /// (`[a, b]`), strings unquoted, integers as written, other numbers as `Double.toString`.
    public var javaToString: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.isIntegerLiteral ? number.text : number.gsonDouble.text
        case .string(let text): return text
        case .array(let elements): return "[" + elements.map(\.javaToString).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.map { "\($0.key)=\($0.value.javaToString)" }.joined(separator: ", ") + "}"
        }
    }
}
