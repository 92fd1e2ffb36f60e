extension JSONValue {
    /// The value as json-smart parsed it from text (`JsonPath.parse(String)`), numbers printed as the Java
    /// numbers it creates: `33` stays `33`, `0.50` becomes `0.5`, `1e2` becomes `100.0`.
    public var jsonSmartNormalized: JSONValue {
        switch self {
        case .number(let number): return .number(JSONSmartNumber.normalized(number))
        case .array(let elements): return .array(elements.map(\.jsonSmartNormalized))
        case .object(let object): return .object(JSONObject(object.map { ($0.key, $0.value.jsonSmartNormalized) }))
        default: return self
        }
    }
}
