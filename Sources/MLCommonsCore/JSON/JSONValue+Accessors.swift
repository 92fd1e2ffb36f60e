extension JSONValue {
    /// The string payload, or nil for other kinds.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The object payload, or nil for other kinds.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The array payload, or nil for other kinds.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The boolean payload, or nil for other kinds.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The number payload, or nil for other kinds.
    public var numberValue: JSONNumber? {
        if case .number(let number) = self { return number }
        return nil
    }

    public var isNull: Bool { self == .null }

    /// A member of an object (nil for non-objects and missing keys).
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// Compact JSON text as OpenSearch's XContent writes it.
    public var compactText: String { JSONWriter().string(self) }

    /// Compact JSON text as gson (`disableHtmlEscaping`) writes it.
    public var gsonText: String { JSONWriter(escaping: .gson).string(self) }

    /// The document after a gson round trip through `Map`: every number becomes a double.
    public var gsonNormalized: JSONValue {
        switch self {
        case .number(let number): return .number(number.gsonDouble)
        case .array(let elements): return .array(elements.map(\.gsonNormalized))
        case .object(let object): return .object(object.mapValues(\.gsonNormalized))
        default: return self
        }
    }

    /// The kind name XContent parsers use in their token errors (`VALUE_STRING`, `START_OBJECT`…).
    public var xContentToken: String {
        switch self {
        case .null: return "VALUE_NULL"
        case .bool: return "VALUE_BOOLEAN"
        case .number: return "VALUE_NUMBER"
        case .string: return "VALUE_STRING"
        case .array: return "START_ARRAY"
        case .object: return "START_OBJECT"
        }
    }
}
