/// A JSON object that remembers insertion order; setting an existing key keeps its position.
public struct JSONObject: Sendable, Hashable, Sequence {
    public typealias Element = (key: String, value: JSONValue)

    private var orderedKeys: [String] = []
    private var storage: [String: JSONValue] = [:]

    /// An empty object.
    public init() {}

    /// An object from ordered pairs; a repeated key keeps its first position and its last value.
    public init(_ pairs: some Sequence<(String, JSONValue)>) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The keys in order.
    public var keys: [String] { orderedKeys }
    public var count: Int { orderedKeys.count }
    public var isEmpty: Bool { orderedKeys.isEmpty }

    /// Reads or writes a member; assigning `nil` removes it.
    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set {
            guard let newValue else { removeValue(forKey: key); return }
            if storage.updateValue(newValue, forKey: key) == nil { orderedKeys.append(key) }
        }
    }

    /// Removes a member and returns its old value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let old = storage.removeValue(forKey: key) else { return nil }
        orderedKeys.removeAll { $0 == key }
        return old
    }

    public func contains(_ key: String) -> Bool { storage[key] != nil }

    public func makeIterator() -> some IteratorProtocol<Element> {
        var index = 0
        let keys = orderedKeys
        let storage = storage
        return AnyIterator {
            guard index < keys.count else { return nil }
            defer { index += 1 }
            return (keys[index], storage[keys[index]]!)
        }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.orderedKeys == rhs.orderedKeys && lhs.storage == rhs.storage
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(orderedKeys)
        for key in orderedKeys { hasher.combine(storage[key]) }
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }
}
