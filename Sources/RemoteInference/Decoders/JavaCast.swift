import MLCommonsCore

/// The casts ml-commons applies to values read out of a gson `Map` (`(String) x`, `(List<?>) x`, `(Map) x`).
enum JavaCast {
    /// `(String) value`: JSON `null` and absent members are Java `null`; other kinds fail the cast.
    static func string(_ value: JSONValue?) throws(JavaRuntimeFault) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw .classCast
        }
    }

    /// `(List<?>) value`, with the same `null` handling as ``string(_:)``.
    static func list(_ value: JSONValue?) throws(JavaRuntimeFault) -> [JSONValue]? {
        switch value {
        case nil, .null?: return nil
        case .array(let elements)?: return elements
        default: throw .classCast
        }
    }

    /// `((Map) value).containsKey(…)`: a Java `null` is dereferenced, so it fails as well as other kinds.
    static func dereferencedMap(_ value: JSONValue?) throws(JavaRuntimeFault) -> JSONObject {
        switch value {
        case .object(let object)?: return object
        case nil, .null?: throw .nullPointer
        default: throw .classCast
        }
    }
}
