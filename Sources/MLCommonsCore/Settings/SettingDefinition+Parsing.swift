extension SettingDefinition {
    /// Converts a value from a settings request into the stored form, with OpenSearch's messages.
    public func parse(_ value: JSONValue) throws(OpenSearchError) -> SettingValue {
        switch kind {
        case .stringList:
            if case .array(let items) = value {
                var strings: [String] = []
                for item in items { strings.append(try Self.scalarText(item, key: key)) }
                return .list(strings)
            }
            // A single value is accepted as a one-element list, as OpenSearch does.
            return .list([try Self.scalarText(value, key: key)])
        case .boolean:
            let text = try Self.scalarText(value, key: key)
            _ = try JavaBoolean.parse(text)
            return .string(text)
        case .integer(let minimum, let maximum):
            let text = try Self.scalarText(value, key: key)
            guard let number = Int32(text) else {
                throw .illegalArgument("Failed to parse value [\(text)] for setting [\(key)]")
            }
            if let minimum, Int(number) < minimum {
                throw .illegalArgument("Failed to parse value [\(text)] for setting [\(key)] must be >= \(minimum)")
            }
            if let maximum, Int(number) > maximum {
                throw .illegalArgument("Failed to parse value [\(text)] for setting [\(key)] must be <= \(maximum)")
            }
            return .string(text)
        case .string:
            return .string(try Self.scalarText(value, key: key))
        }
    }

    /// The string OpenSearch's `Settings` keeps for a scalar JSON value.
    static func scalarText(_ value: JSONValue, key: String) throws(OpenSearchError) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.text
        case .null, .array, .object:
            throw .illegalArgument("Failed to parse value for setting [\(key)]")
        }
    }

    /// The boolean a stored value means (defaults are valid by construction).
    public func boolValue(_ value: SettingValue) -> Bool {
        if case .string(let text) = value { return text == "true" }
        return false
    }
}
