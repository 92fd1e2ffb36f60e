import MLCommonsCore

/// `Settings.getAsStructuredMap()`: sorted dotted keys nested into `HashMap`s created with capacity 2,
/// which is the member order `GET /<index>` prints (`replication`, `number_of_shards`, …).
enum StructuredSettings {
    /// The nested settings object.
    static func render(_ flat: [(key: String, value: JSONValue)]) -> JSONObject {
        var root = Node()
        for (key, value) in flat { root.insert(key[...], value) }
        return root.object
    }

    /// One map level: members in insertion order, rendered in `HashMap(2)` order.
    private struct Node {
        var keys: [String] = []
        var values: [String: Member] = [:]

        enum Member {
            case value(JSONValue)
            case map(Node)
        }

        /// `processSetting`: a dotted key descends; a key already holding a value falls back to dots.
        mutating func insert(_ key: Substring, _ value: JSONValue, prefix: String = "") {
            guard let dot = key.firstIndex(of: ".") else {
                put(prefix + key, .value(value))
                return
            }
            let head = prefix + key[..<dot]
            let rest = key[key.index(after: dot)...]
            switch values[head] {
            case nil:
                var child = Node()
                child.insert(rest, value)
                put(head, .map(child))
            case .map(var child)?:
                // Taking the child out first lets it be changed in place rather than copied per setting.
                values[head] = .value(.null)
                child.insert(rest, value)
                values[head] = .map(child)
            case .value?:
                insert(rest, value, prefix: head + ".")
            }
        }

        private mutating func put(_ key: String, _ member: Member) {
            if values.updateValue(member, forKey: key) == nil { keys.append(key) }
        }

        var object: JSONObject {
            JSONObject(JavaHashMapOrder.ordered(keys, initialCapacity: 2).map { key in
                switch values[key]! {
                case .value(let value): return (key, value)
                case .map(let child): return (key, .object(child.object))
                }
            })
        }
    }
}
