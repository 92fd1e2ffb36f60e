extension JSONValue {
    /// The value with `newValue` at the object path `path`; members keep their order, missing objects are created.
    public func setting(_ newValue: JSONValue, at path: [String]) -> JSONValue {
        guard let key = path.first else { return newValue }
        var object = objectValue ?? JSONObject()
        object[key] = (object[key] ?? .null).setting(newValue, at: Array(path.dropFirst()))
        return .object(object)
    }
}
