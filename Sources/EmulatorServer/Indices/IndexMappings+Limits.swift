import MLCommonsCore

extension IndexMappings {
    /// `MappingLookup.checkLimits`: objects, leaf fields and multi-fields together may not exceed
    /// `index.mapping.total_fields.limit`, nor objects nest deeper than `index.mapping.depth.limit`.
    static func checkLimits(_ mappings: JSONObject, totalFields: Int, depth: Int) throws(OpenSearchError) {
        var count = 0
        var tooDeep: [String] = []
        var pending: [(path: String, properties: JSONObject)] = [("", mappings["properties"]?.objectValue ?? JSONObject())]
        // A work list rather than recursion: a mapping is as deep as the document that made it.
        while let (parent, properties) = pending.popLast() {
            for (name, value) in properties {
                guard case .object(let field) = value else { continue }
                let path = parent.isEmpty ? name : "\(parent).\(name)"
                count += 1
                if let inner = field["properties"]?.objectValue ?? (isObjectField(field) ? JSONObject() : nil) {
                    // The root is level 1, so a top-level object is at level 2.
                    if path.utf8.reduce(2, { $1 == UInt8(ascii: ".") ? $0 + 1 : $0 }) > depth { tooDeep.append(path) }
                    pending.append((path, inner))
                } else if case .object(let multiFields)? = field["fields"] {
                    count += multiFields.count
                }
            }
        }
        if count > totalFields {
            throw .illegalArgument("Limit of total fields [\(totalFields)] has been exceeded")
        }
        if let first = JavaHashMapOrder.ordered(tooDeep).first {
            throw .illegalArgument("Limit of mapping depth [\(depth)] has been exceeded due to object field [\(first)]")
        }
    }

    private static func isObjectField(_ field: JSONObject) -> Bool {
        field["type"] == "object" || field["type"] == "nested"
    }
}
