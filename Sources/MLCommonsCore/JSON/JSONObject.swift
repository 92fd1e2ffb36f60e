/// A JSON object that remembers insertion order; setting an existing key keeps its position.
///
/// Members live in order in one array. Objects with more than ``indexThreshold`` members also keep a key
/// index; below it a scan over the keys costs less than hashing one, and most objects on the wire (a stream
/// chunk, a message, a setting) are that small.
public struct JSONObject: Sendable, Hashable, Sequence {
    public typealias Element = (key: String, value: JSONValue)

    /// Past this many members, lookups go through an index.
    static let indexThreshold = 12

    private var members: [Element] = []
    /// Each key's position in `members`; present only past ``indexThreshold`` members.
    private var positions: [String: Int]?

    /// An empty object.
    public init() {}

    /// An object from ordered pairs; a repeated key keeps its first position and its last value.
    public init(_ pairs: some Sequence<(String, JSONValue)>) {
        members.reserveCapacity(pairs.underestimatedCount)
        for (key, value) in pairs { self[key] = value }
    }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }
    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    private func position(of key: String) -> Int? {
        if let positions { return positions[key] }
        return members.firstIndex { $0.key == key }
    }

    /// Reads or writes a member; assigning `nil` removes it.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            guard let newValue else { removeValue(forKey: key); return }
            if let position = position(of: key) {
                members[position].value = newValue
                return
            }
            members.append((key, newValue))
            if positions != nil {
                positions![key] = members.count - 1
            } else if members.count > Self.indexThreshold {
                indexPositions()
            }
        }
    }

    /// Removes a member and returns its old value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = position(of: key) else { return nil }
        let old = members.remove(at: position).value
        if positions != nil {
            positions = nil
            if members.count > Self.indexThreshold { indexPositions() }
        }
        return old
    }

    public func contains(_ key: String) -> Bool { position(of: key) != nil }

    /// The same members in the same order, each value transformed.
    public func mapValues(_ transform: (JSONValue) throws -> JSONValue) rethrows -> JSONObject {
        var mapped = JSONObject()
        mapped.members = try members.map { ($0.key, try transform($0.value)) }
        mapped.positions = positions
        return mapped
    }

    public func makeIterator() -> IndexingIterator<[Element]> { members.makeIterator() }

    private mutating func indexPositions() {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(members.count)
        for (position, member) in members.enumerated() { positions[member.key] = position }
        self.positions = positions
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(members.count)
        for member in members {
            hasher.combine(member.key)
            hasher.combine(member.value)
        }
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }
}
