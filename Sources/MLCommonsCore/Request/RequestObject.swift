/// Typed reads of a request body's fields with the coercions and errors of OpenSearch's
/// `XContentParser` as ml-commons' `parse` methods use it.
public struct RequestObject: Sendable {
    public let object: JSONObject

    public init(_ object: JSONObject) { self.object = object }

    /// Requires a JSON object body.
    public init(_ value: JSONValue) throws(OpenSearchError) {
        guard case .object(let object) = value else {
            // A body is read from its first token, hence line 1, column 1.
            throw OpenSearchError(
                "ParsingException",
                reason: "Failed to parse object: expecting token of type [START_OBJECT] but found [\(value.xContentToken)]",
                status: 400, metadata: ["line": 1, "col": 1])
        }
        self.object = object
    }

    public func contains(_ key: String) -> Bool { object.contains(key) }

    /// `parser.text()`: strings, numbers and booleans read as text; null as nil.
    public func string(_ key: String) throws(OpenSearchError) -> String? {
        guard let value = object[key] else { return nil }
        switch value {
        case .null: return nil
        case .string(let text): return text
        case .number(let number): return number.text
        case .bool(let flag): return flag ? "true" : "false"
        case .array, .object: throw RequestObject.cannotGetText(on: value)
        }
    }

    /// `parser.booleanValue()`: booleans, and the strings `"true"`/`"false"`.
    public func bool(_ key: String) throws(OpenSearchError) -> Bool? {
        guard let value = object[key] else { return nil }
        switch value {
        case .null: return nil
        case .bool(let flag): return flag
        case .string(let text): return try JavaBoolean.parse(text)
        default: throw RequestObject.tokenMismatch(expected: "VALUE_BOOLEAN", found: value)
        }
    }

    /// `parser.intValue(coerce)`: a Java `int` from a number, or (when coercing) from numeric text, with
    /// Jackson's and `AbstractXContentParser`'s errors for anything out of range.
    public func int(_ key: String, coerce: Bool = true) throws(OpenSearchError) -> Int? {
        guard let value = object[key] else { return nil }
        switch value {
        case .null: return nil
        case .number(let number): return try JavaInt.value(of: number, coerce: coerce)
        case .string(let text):
            guard coerce else { throw .illegalArgument("Integer value passed as String") }
            return try JavaInt.parsingDouble(text)
        default: throw RequestObject.tokenMismatch(expected: "VALUE_NUMBER", found: value)
        }
    }

    /// `parser.longValue(false)`: a Java `long` from a number (a fraction is cut off, as Jackson does).
    public func long(_ key: String) throws(OpenSearchError) -> Int64? {
        guard let value = object[key] else { return nil }
        switch value {
        case .null: return nil
        case .number(let number):
            if number.isIntegerLiteral, let exact = Int64(number.text) { return exact }
            let double = number.doubleValue
            guard double.isFinite, double >= -0x1p63, double < 0x1p63 else {
                throw .illegalArgument("Numeric value (\(number.text)) out of range of long (-9223372036854775808 - 9223372036854775807)")
            }
            return Int64(double)
        case .string: throw .illegalArgument("Long value passed as String")
        default: throw RequestObject.tokenMismatch(expected: "VALUE_NUMBER", found: value)
        }
    }

    /// An object member.
    public func object(_ key: String) throws(OpenSearchError) -> JSONObject? {
        guard let value = object[key] else { return nil }
        switch value {
        case .null: return nil
        case .object(let inner): return inner
        default: throw RequestObject.tokenMismatch(expected: "START_OBJECT", found: value)
        }
    }

    /// An array member.
    public func array(_ key: String) throws(OpenSearchError) -> [JSONValue]? {
        guard let value = object[key] else { return nil }
        switch value {
        case .null: return nil
        case .array(let items): return items
        default: throw RequestObject.tokenMismatch(expected: "START_ARRAY", found: value)
        }
    }

    /// A list of strings (`parser.text()` per element).
    public func stringList(_ key: String) throws(OpenSearchError) -> [String]? {
        guard let items = try array(key) else { return nil }
        var out: [String] = []
        for item in items {
            switch item {
            case .string(let text): out.append(text)
            case .number(let number): out.append(number.text)
            case .bool(let flag): out.append(flag ? "true" : "false")
            default: throw RequestObject.cannotGetText(on: item)
            }
        }
        return out
    }

    /// `StringUtils.getParameterMap(parser.map())`: every value becomes a string; non-strings are
    /// written as gson writes the Java value.
    public func parameterMap(_ key: String) throws(OpenSearchError) -> JSONObject? {
        guard let inner = try object(key) else { return nil }
        return RequestObject.parameterMap(inner)
    }

    /// Converts an object into ml-commons' string-to-string parameter map.
    public static func parameterMap(_ object: JSONObject) -> JSONObject {
        // gson writes a Java null as the text "null", so null values are kept that way.
        JSONObject(object.map { key, value in (key, .string(RequestParameters.gsonText(ofParsedValue: value))) })
    }

    /// A map of strings (`parser.mapStrings()`).
    public func stringMap(_ key: String) throws(OpenSearchError) -> JSONObject? {
        guard let inner = try object(key) else { return nil }
        var out = JSONObject()
        for (name, value) in inner {
            switch value {
            case .string: out[name] = value
            case .number(let number): out[name] = .string(number.text)
            case .bool(let flag): out[name] = .string(flag ? "true" : "false")
            case .null: out[name] = .null
            default: throw RequestObject.cannotGetText(on: value)
            }
        }
        return out
    }

    static func tokenMismatch(expected: String, found: JSONValue) -> OpenSearchError {
        OpenSearchError(
            "ParsingException",
            reason: "Failed to parse object: expecting token of type [\(expected)] but found [\(found.xContentToken)]",
            status: 400)
    }

    static func cannotGetText(on value: JSONValue) -> OpenSearchError {
        OpenSearchError("IllegalStateException", reason: "Can't get text on a \(value.xContentToken)", status: 500)
    }
}

extension JSONValue {
    /// Every object's members in `java.util.HashMap` order, as `XContentParser.map()` builds them.
    public var hashMapOrdered: JSONValue {
        switch self {
        case .array(let elements): return .array(elements.map(\.hashMapOrdered))
        case .object(let object):
            return .object(JavaHashMapOrder.ordered(JSONObject(object.map { ($0.key, $0.value.hashMapOrdered) })))
        default: return self
        }
    }

    /// The value as Java holds it after `XContentParser.map()`: integers stay integers, any other
    /// number becomes a `Double`.
    public var javaMapNormalized: JSONValue {
        switch self {
        case .number(let number): return number.isIntegerLiteral ? self : .number(number.gsonDouble)
        case .array(let elements): return .array(elements.map(\.javaMapNormalized))
        case .object(let object): return .object(JSONObject(object.map { ($0.key, $0.value.javaMapNormalized) }))
        default: return self
        }
    }
}
