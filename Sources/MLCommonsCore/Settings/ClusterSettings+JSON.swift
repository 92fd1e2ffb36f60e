extension ClusterSettings {
    /// Flattens a request's scope object (`{"plugins":{"ml_commons":{"x":true}}}` or dotted keys) into
    /// dotted keys with their leaf values; arrays are leaves.
    public static func flatten(_ value: JSONValue, prefix: String = "") -> [(key: String, value: JSONValue)] {
        guard case .object(let object) = value else { return prefix.isEmpty ? [] : [(prefix, value)] }
        var out: [(key: String, value: JSONValue)] = []
        for (key, member) in object {
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            if case .object = member {
                out.append(contentsOf: flatten(member, prefix: path))
            } else {
                out.append((path, member))
            }
        }
        return out
    }

    /// Renders settings as OpenSearch does: keys sorted, nested by dots unless `flat`.
    public static func render(_ settings: [String: SettingValue], flat: Bool) -> JSONValue {
        let sorted = settings.sorted { $0.key < $1.key }
        if flat {
            return .object(JSONObject(sorted.map { ($0.key, $0.value.json) }))
        }
        var root = JSONObject()
        for (key, value) in sorted {
            insert(value.json, at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        return hashOrdered(.object(root))
    }

    /// Nested settings come from `Settings.getAsStructuredMap`, a `HashMap` at every level.
    private static func hashOrdered(_ value: JSONValue) -> JSONValue {
        guard case .object(let object) = value else { return value }
        let children = JSONObject(object.map { ($0.key, hashOrdered($0.value)) })
        return .object(JavaHashMapOrder.ordered(children))
    }

    private static func insert(_ value: JSONValue, at path: ArraySlice<String>, into object: inout JSONObject) {
        guard let head = path.first else { return }
        if path.count == 1 {
            object[head] = value
            return
        }
        var child = object[head]?.objectValue ?? JSONObject()
        insert(value, at: path.dropFirst(), into: &child)
        object[head] = .object(child)
    }
}
