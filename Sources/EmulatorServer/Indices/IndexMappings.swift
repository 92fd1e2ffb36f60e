import MLCommonsCore

/// Index mappings as OpenSearch keeps them: written back in the mapper's canonical order, and grown
/// by dynamic mapping as documents bring new fields.
enum IndexMappings {
    /// Root keys the root object mapper writes before `properties`, in its order.
    private static let leadingRootKeys = ["dynamic", "enabled", "_meta", "_source", "_routing"]

    /// The mapping as `GET /<index>/_mapping` renders it: `properties` (and multi-field `fields`) sorted
    /// by name and left out when empty, `type` first in each field, `fields` and `copy_to` after the
    /// other parameters, `dynamic` as a word.
    static func canonical(_ mappings: JSONObject) -> JSONObject {
        var out = JSONObject()
        for key in leadingRootKeys { if let value = mappings[key] { out[key] = value } }
        for (key, value) in mappings where !leadingRootKeys.contains(key) && key != "properties" { out[key] = value }
        out["dynamic"] = Dynamic(mappings["dynamic"]).map { .string($0.word) } ?? out["dynamic"]
        if let properties = mappings["properties"]?.objectValue, !properties.isEmpty {
            out["properties"] = .object(sortedFields(properties))
        }
        return out
    }

    private static func sortedFields(_ fields: JSONObject) -> JSONObject {
        let names = fields.keys.sorted { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) }
        return JSONObject(names.map { name in
            guard case .object(let field)? = fields[name] else { return (name, fields[name]!) }
            return (name, .object(isObject(field) ? canonicalObject(field) : canonicalLeaf(field)))
        })
    }

    /// `ObjectMapper.toXContent`: `type` only for nested objects or objects without properties.
    private static func canonicalObject(_ field: JSONObject) -> JSONObject {
        var out = JSONObject()
        let properties = field["properties"]?.objectValue ?? JSONObject()
        if field["type"] == "nested" { out["type"] = "nested" } else if properties.isEmpty { out["type"] = "object" }
        if let dynamic = Dynamic(field["dynamic"]) { out["dynamic"] = .string(dynamic.word) }
        if let enabled = field["enabled"] { out["enabled"] = enabled }
        for (key, value) in field where !["type", "dynamic", "enabled", "properties"].contains(key) { out[key] = value }
        if !properties.isEmpty { out["properties"] = .object(sortedFields(properties)) }
        return out
    }

    /// `ParametrizedFieldMapper.doXContentBody`: type, parameters, multi-fields, `copy_to`.
    private static func canonicalLeaf(_ field: JSONObject) -> JSONObject {
        var out = JSONObject()
        if let type = field["type"] { out["type"] = type }
        for (key, value) in field where !["type", "fields", "copy_to"].contains(key) { out[key] = value }
        if case .object(let multi)? = field["fields"] { out["fields"] = .object(sortedFields(multi)) }
        if let copyTo = field["copy_to"] { out["copy_to"] = copyTo }
        return out
    }

    /// The mappings after indexing `document`; new fields are mapped unless `dynamic` says otherwise.
    static func merging(_ document: JSONObject, into mappings: JSONObject) throws(OpenSearchError) -> JSONObject {
        var out = mappings
        let dynamic = Dynamic(mappings["dynamic"]) ?? .true
        let properties = mappings["properties"]?.objectValue ?? JSONObject()
        let merged = try merge(try expandDots(document), into: properties, dynamic: dynamic, path: "_doc")
        if !merged.isEmpty || mappings["properties"] != nil { out["properties"] = .object(merged) }
        return canonical(out)
    }

    /// `dynamic`: `true` maps new fields, `false` ignores them, `strict` rejects the document.
    enum Dynamic {
        case `true`, `false`, strict

        /// How the mapping writes it back.
        var word: String {
            switch self {
            case .true: return "true"
            case .false: return "false"
            case .strict: return "strict"
            }
        }

        init?(_ value: JSONValue?) {
            switch value?.stringValue ?? value?.boolValue.map({ $0 ? "true" : "false" }) {
            case "true": self = .true
            case "false": self = .false
            case "strict": self = .strict
            default: return nil
            }
        }
    }

    private static func merge(
        _ object: JSONObject, into properties: JSONObject, dynamic: Dynamic, path: String
    ) throws(OpenSearchError) -> JSONObject {
        var out = properties
        for (name, value) in object {
            let fieldPath = path == "_doc" ? name : "\(path).\(name)"
            let objects = try objectValues(value)
            if case .object(var existing)? = out[name] {
                // Only object fields grow; a leaf keeps its mapping whatever the new value is.
                guard !objects.isEmpty, isObject(existing) else { continue }
                var inner = existing["properties"]?.objectValue ?? JSONObject()
                let innerDynamic = Dynamic(existing["dynamic"]) ?? dynamic
                for element in objects { inner = try merge(element, into: inner, dynamic: innerDynamic, path: fieldPath) }
                if !inner.isEmpty { existing["properties"] = .object(inner) }
                out[name] = .object(existing)
                continue
            }
            if value == .null { continue }
            switch dynamic {
            case .true: if let inferred = try infer(value, dynamic: dynamic, path: fieldPath) { out[name] = .object(inferred) }
            case .false: continue
            case .strict:
                throw OpenSearchError(
                    "StrictDynamicMappingException",
                    reason: "mapping set to strict, dynamic introduction of [\(name)] within [\(path)] is not allowed",
                    status: 400)
            }
        }
        return out
    }

    /// The mapping a new field gets from its first value, or nil when the value maps nothing (null, `[]`).
    private static func infer(_ value: JSONValue, dynamic: Dynamic, path: String) throws(OpenSearchError) -> JSONObject? {
        let objects = try objectValues(value)
        if !objects.isEmpty {
            var properties = JSONObject()
            for element in objects { properties = try merge(element, into: properties, dynamic: dynamic, path: path) }
            return properties.isEmpty ? ["type": "object"] : ["properties": .object(properties)]
        }
        switch value {
        case .null, .object: return nil
        case .bool: return ["type": "boolean"]
        case .number(let number): return ["type": number.isIntegerLiteral ? "long" : "float"]
        case .string(let text):
            return DynamicDateDetection.mapping(for: text)
                ?? ["type": "text", "fields": ["keyword": ["type": "keyword", "ignore_above": 256]]]
        case .array(let elements):
            for element in elements { if let mapping = try infer(element, dynamic: dynamic, path: path) { return mapping } }
            return nil
        }
    }

    /// The objects a value contributes to an object field (itself, or the objects of an array).
    private static func objectValues(_ value: JSONValue) throws(OpenSearchError) -> [JSONObject] {
        switch value {
        case .object(let object): return [try expandDots(object)]
        case .array(let elements):
            var out: [JSONObject] = []
            for element in elements { out += try objectValues(element) }
            return out
        default: return []
        }
    }

    /// An object or nested field (no `type`, or one of those two), as opposed to a leaf.
    private static func isObject(_ field: JSONObject) -> Bool {
        field["type"] == nil || field["type"] == "object" || field["type"] == "nested"
    }

    /// Dotted field names nest no deeper than this (the XContent nesting limit): each part is an object level.
    static let maxDottedNameParts = 1000

    /// `{"a.b": 1}` indexes like `{"a": {"b": 1}}`.
    private static func expandDots(_ object: JSONObject) throws(OpenSearchError) -> JSONObject {
        var out = JSONObject()
        for (key, value) in object {
            let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count > 1, !parts.contains(where: \.isEmpty) else { out[key] = value; continue }
            guard parts.count <= maxDottedNameParts else {
                throw .illegalArgument(
                    "Limit of mapping depth [\(maxDottedNameParts)] has been exceeded due to object field [\(parts.prefix(maxDottedNameParts).joined(separator: "."))]")
            }
            var nested = value
            for part in parts.dropFirst().reversed() { nested = .object([part: nested]) }
            if case .object(let existing)? = out[parts[0]], case .object(let addition) = nested {
                out[parts[0]] = .object(existing.mergingDeeply(addition))
            } else {
                out[parts[0]] = nested
            }
        }
        return out
    }
}

extension JSONObject {
    /// The object with `other`'s members added, objects merged member by member.
    fileprivate func mergingDeeply(_ other: JSONObject) -> JSONObject {
        var out = self
        for (key, value) in other {
            if case .object(let mine)? = out[key], case .object(let theirs) = value {
                out[key] = .object(mine.mergingDeeply(theirs))
            } else {
                out[key] = value
            }
        }
        return out
    }
}
