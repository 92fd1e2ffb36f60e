@testable import MLCommonsCore
import Testing

@Suite("JSON object")
struct JSONObjectTests {
    static func key(_ index: Int) -> String { "key\(index)" }

    /// Order, lookups, overwrites and removals agree with a plain model of ordered pairs on each side of the
    /// size where lookups switch to an index.
    @Test(arguments: [3, JSONObject.indexThreshold, JSONObject.indexThreshold + 1, 40])
    func behavesAsOrderedPairsAtEverySize(size: Int) {
        var object = JSONObject()
        var model: [(String, JSONValue)] = []
        func set(_ key: String, _ value: JSONValue) {
            object[key] = value
            if let position = model.firstIndex(where: { $0.0 == key }) { model[position].1 = value } else { model.append((key, value)) }
        }
        func remove(_ key: String) {
            let removed = object.removeValue(forKey: key)
            let position = model.firstIndex { $0.0 == key }
            #expect(removed == position.map { model[$0].1 })
            if let position { model.remove(at: position) }
        }
        func check() {
            #expect(object.keys == model.map(\.0))
            #expect(object.map(\.value) == model.map(\.1))
            for (key, value) in model { #expect(object[key] == value) }
            #expect(object["absent"] == nil)
            #expect(!object.contains("absent"))
        }
        for index in 0..<size { set(Self.key(index), .number(JSONNumber(index))) }
        check()
        // An overwrite keeps the position.
        set(Self.key(0), .string("first again"))
        set(Self.key(size - 1), .bool(true))
        check()
        // Removals from the front, the middle and the end, across the threshold on the way down.
        remove(Self.key(0))
        remove(Self.key(size / 2))
        remove(Self.key(size - 1))
        remove("absent")
        check()
        while model.count > 1 { remove(model[model.count / 2].0) }
        check()
        // A key that comes back goes to the end.
        set(Self.key(0), .null)
        check()
    }

    /// Equality and hashing see order: the same members in another order are another object.
    @Test func equalityFollowsOrder() {
        let forward: JSONObject = ["a": 1, "b": 2]
        let backward: JSONObject = ["b": 2, "a": 1]
        #expect(forward != backward)
        #expect(forward == JSONObject([("a", 1), ("b", 2)]))
        #expect(Set([forward, JSONObject([("a", 1), ("b", 2)])]).count == 1)
        let large = JSONObject((0..<30).map { (Self.key($0), JSONValue.number(JSONNumber($0))) })
        var rebuilt = JSONObject((0..<30).map { (Self.key($0), JSONValue.null) })
        rebuilt = rebuilt.mapValues { _ in .null }
        for index in 0..<30 { rebuilt[Self.key(index)] = .number(JSONNumber(index)) }
        #expect(large == rebuilt)
        #expect(large.hashValue == rebuilt.hashValue)
    }

    /// A repeated key in the pairs keeps its first position and its last value.
    @Test func repeatedPairsKeepTheFirstPositionAndTheLastValue() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
    }
}
