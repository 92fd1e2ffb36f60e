import MLCommonsCore

/// `CreateIndexRequest.source`: the body's `settings`, `mappings` and `aliases`.
struct CreateIndexBody {
    var settings: JSONValue?
    var mappings = JSONObject()

    init(_ body: JSONValue?) throws(OpenSearchError) {
        guard let body else { return }
        guard case .object(let object) = body else {
            // `XContentHelper.convertToMap` refuses anything but an object.
            throw OpenSearchError("OpenSearchParseException", reason: "Failed to parse content to map", status: 400)
        }
        for (key, value) in object {
            switch key {
            case "settings": settings = value
            case "mappings": mappings = Self.unwrapType(value.objectValue ?? JSONObject())
            case "aliases": continue
            default: throw OpenSearchError("OpenSearchParseException", reason: "unknown key [\(key)] for create index", status: 400)
            }
        }
    }

    /// A mapping still wrapped in the `_doc` type name reads as the mapping itself.
    private static func unwrapType(_ mappings: JSONObject) -> JSONObject {
        if mappings.count == 1, case .object(let inner)? = mappings["_doc"] { return inner }
        return mappings
    }
}
