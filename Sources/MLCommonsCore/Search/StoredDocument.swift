/// A document as an index holds it: id, versioning metadata and `_source`.
public struct StoredDocument: Sendable, Hashable {
    public let index: String
    public let id: String
    public let version: Int
    public let seqNo: Int
    public let primaryTerm: Int
    public var source: JSONObject

    public init(index: String, id: String, version: Int, seqNo: Int, primaryTerm: Int, source: JSONObject) {
        self.index = index
        self.id = id
        self.version = version
        self.seqNo = seqNo
        self.primaryTerm = primaryTerm
        self.source = source
    }

    /// The value at a dotted path; arrays along the way contribute every element's value.
    public func values(at path: String) -> [JSONValue] {
        if path == "_id" { return [.string(id)] }
        var current: [JSONValue] = [.object(source)]
        // A field may also be stored under the dotted name itself, as OpenSearch accepts.
        if let flat = source[path] { return Self.flatten(flat) }
        for component in path.split(separator: ".").map(String.init) {
            current = current.flatMap { value -> [JSONValue] in
                switch value {
                case .object(let object): return object[component].map { [$0] } ?? []
                case .array(let items): return items.compactMap { $0[component] }
                default: return []
                }
            }
        }
        return current.flatMap(Self.flatten)
    }

    private static func flatten(_ value: JSONValue) -> [JSONValue] {
        if case .array(let items) = value { return items.flatMap(flatten) }
        return [value]
    }
}
