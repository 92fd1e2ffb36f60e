/// Reproduces the iteration order of a `java.util.HashMap<String, …>`, which decides the key order of
/// many documents ml-commons builds from maps (memory sources, tool lists, ListIndexTool rows).
public enum JavaHashMapOrder {
    /// Java's `String.hashCode()` over UTF-16 code units, with 32-bit wrap-around.
    public static func stringHashCode(_ text: String) -> Int32 {
        text.utf16.reduce(Int32(0)) { hash, unit in hash &* 31 &+ Int32(unit) }
    }

    /// The table size a `HashMap` has after `count` puts: its initial capacity (16 by default, `new
    /// HashMap<>(2)` in `Settings`) rounded up to a power of two, doubling past a 0.75 load.
    public static func capacity(for count: Int, initialCapacity: Int = 16) -> Int {
        var capacity = 1
        while capacity < max(initialCapacity, 1) { capacity *= 2 }
        while Double(count) > 0.75 * Double(capacity) { capacity *= 2 }
        return capacity
    }

    /// `keys` (in insertion order, unique) in the order a `HashMap` iterates them.
    public static func ordered(_ keys: [String], initialCapacity: Int = 16) -> [String] {
        let mask = Int32(capacity(for: keys.count, initialCapacity: initialCapacity) - 1)
        let buckets = keys.map { key -> Int32 in
            let hash = stringHashCode(key)
            return (hash ^ Int32(bitPattern: UInt32(bitPattern: hash) >> 16)) & mask
        }
        return keys.indices.sorted { (buckets[$0], $0) < (buckets[$1], $1) }.map { keys[$0] }
    }

    /// The object with its members in `HashMap` order.
    public static func ordered(_ object: JSONObject, initialCapacity: Int = 16) -> JSONObject {
        JSONObject(ordered(object.keys, initialCapacity: initialCapacity).map { ($0, object[$0]!) })
    }

    /// The table size `putAll` into an empty `HashMap` picks for `count` entries: `tableSizeFor(count / 0.75 + 1)`.
    public static func presizedCapacity(for count: Int) -> Int {
        let target = Int(Float(count) / 0.75 + 1)
        var capacity = 1
        while capacity < target { capacity *= 2 }
        return capacity
    }

    /// The value as `parser.map()` reads it: every object, at any depth and inside arrays, a `HashMap`.
    public static func deep(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object): return .object(deep(object))
        case .array(let items): return .array(items.map(deep))
        default: return value
        }
    }

    /// An object and every object inside it in `HashMap` order.
    public static func deep(_ object: JSONObject) -> JSONObject {
        ordered(JSONObject(object.map { ($0.key, deep($0.value)) }))
    }
}
