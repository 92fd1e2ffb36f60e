/// The searchable fields of one index, read from its mappings: dotted paths (multi-fields included,
/// e.g. `name.keyword`) to their ``FieldMapping`` and the `_source` path their values come from.
public struct IndexFieldTypes: Sendable, Hashable {
    /// A field a query names.
    public struct Field: Sendable, Hashable {
        /// How the field is indexed.
        public var mapping: FieldMapping
        /// Where the values are in `_source` (a multi-field reads its parent's).
        public var sourcePath: String
    }

    private var fields: [String: Field] = [:]
    private var nestedPaths: Set<String> = []
    /// Whether a field the mappings lack is typed from a value, as dynamic mapping would have mapped it.
    public let typesUnmappedFields: Bool

    /// The types in `mappings` (an index's `mappings` object, with `properties`).
    public init(mappings: JSONObject, typesUnmappedFields: Bool) {
        self.typesUnmappedFields = typesUnmappedFields
        if case .object(let properties)? = mappings["properties"] { add(properties, prefix: "") }
    }

    /// Every mapped field name, multi-fields included.
    public var names: [String] { Array(fields.keys) }

    /// The field `path` names: mapped, under a `flat_object` parent, or (when unmapped fields are typed)
    /// as dynamic mapping would map the values documents hold (strings as `text` with a `keyword`
    /// multi-field of `ignore_above` 256). Fields under a `nested` object are unsearchable.
    public func resolve(_ path: String, sample: (String) -> JSONValue?) -> Field? {
        if let field = fields[path] { return field }
        // The `_id` metadata field: one keyword term per document.
        if path == "_id" { return Field(mapping: FieldMapping(kind: .keyword), sourcePath: path) }
        var parent = path
        while let dot = parent.lastIndex(of: ".") {
            parent = String(parent[..<dot])
            if nestedPaths.contains(parent) { return Field(mapping: FieldMapping(kind: .unsearchable), sourcePath: path) }
            if let field = fields[parent], field.mapping.kind == .flatObject {
                return Field(mapping: FieldMapping(kind: .keyword), sourcePath: path)
            }
        }
        guard typesUnmappedFields else { return nil }
        if let value = sample(path) { return Self.dynamic(value, path: path) }
        if path.hasSuffix(".keyword") {
            let base = String(path.dropLast(".keyword".count))
            if fields[base] == nil, case .string? = sample(base) {
                return Field(mapping: FieldMapping(kind: .keyword, ignoreAbove: 256), sourcePath: base)
            }
        }
        return nil
    }

    private static func dynamic(_ value: JSONValue, path: String) -> Field? {
        switch value {
        case .string: return Field(mapping: FieldMapping(kind: .text), sourcePath: path)
        case .number: return Field(mapping: FieldMapping(kind: .number), sourcePath: path)
        case .bool: return Field(mapping: FieldMapping(kind: .boolean), sourcePath: path)
        default: return nil
        }
    }

    private mutating func add(_ properties: JSONObject, prefix: String) {
        for (name, definition) in properties {
            guard case .object(let field) = definition else { continue }
            let path = prefix + name
            if field["type"]?.stringValue == "nested" {
                // Nested objects are documents of their own: only a `nested` query reaches their fields.
                nestedPaths.insert(path)
                continue
            }
            if case .object(let inner)? = field["properties"] {
                add(inner, prefix: path + ".")
                continue
            }
            let type = field["type"]?.stringValue ?? "object"
            var mapping = FieldMapping(type: type, ignoreAbove: field["ignore_above"]?.numberValue?.intValue)
            if type == "knn_vector" { mapping.vectorSpace = field["method"]?["space_type"]?.stringValue ?? "l2" }
            fields[path] = Field(mapping: mapping, sourcePath: path)
            guard case .object(let multiFields)? = field["fields"] else { continue }
            for (subName, subDefinition) in multiFields {
                guard case .object(let sub) = subDefinition else { continue }
                let subMapping = FieldMapping(
                    type: sub["type"]?.stringValue ?? "object", ignoreAbove: sub["ignore_above"]?.numberValue?.intValue)
                fields[path + "." + subName] = Field(mapping: subMapping, sourcePath: path)
            }
        }
    }
}
