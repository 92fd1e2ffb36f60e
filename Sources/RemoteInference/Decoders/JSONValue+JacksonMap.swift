import MLCommonsCore

extension JSONValue {
    /// The document as Jackson's `ObjectMapper.readValue(text, Map.class)` holds it: integers as
    /// `Integer`/`Long`/`BigInteger` (canonical digits, so `-0` is `0`), other numbers as `Double`.
    var jacksonMapNormalized: JSONValue {
        switch self {
        case .number(let number):
            guard number.isIntegerLiteral else { return .number(JSONNumber(number.doubleValue)) }
            return number.text == "-0" ? .number(JSONNumber(0)) : self
        case .array(let elements): return .array(elements.map(\.jacksonMapNormalized))
        case .object(let object): return .object(JSONObject(object.map { ($0.key, $0.value.jacksonMapNormalized) }))
        default: return self
        }
    }
}
