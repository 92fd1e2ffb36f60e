import MLCommonsCore

/// One cell of a `DataFrame`, typed as ml-commons' `ColumnType` (`STRING`, `SHORT`, `INTEGER`, `LONG`,
/// `DOUBLE`, `BOOLEAN`, `FLOAT`, `NULL`).
public enum ColumnValue: Sendable, Hashable {
    case string(String)
    case short(Int)
    case integer(Int)
    case long(Int)
    case double(Double)
    case boolean(Bool)
    case float(Float)
    case null

    public var type: String {
        switch self {
        case .string: "STRING"
        case .short: "SHORT"
        case .integer: "INTEGER"
        case .long: "LONG"
        case .double: "DOUBLE"
        case .boolean: "BOOLEAN"
        case .float: "FLOAT"
        case .null: "NULL"
        }
    }

    /// `ColumnValue.doubleValue()`: numbers only; the algorithms refuse anything else.
    public func doubleValue() throws(OpenSearchError) -> Double {
        switch self {
        case .short(let value), .integer(let value), .long(let value): return Double(value)
        case .double(let value): return value
        case .float(let value): return Double(value)
        default: throw OpenSearchError("RuntimeException", reason: "the value isn't Double type", status: 500)
        }
    }

    /// `{"column_type": …, "value": …}`; a `NULL` cell has no value.
    public var json: JSONValue {
        var object: JSONObject = ["column_type": .string(type)]
        switch self {
        case .string(let value): object["value"] = .string(value)
        case .short(let value), .integer(let value), .long(let value): object["value"] = .number(JSONNumber(value))
        // Jackson writes a non-finite double as a string ("NaN", "Infinity").
        case .double(let value): object["value"] = value.isFinite ? .number(JSONNumber(value)) : .string(JavaDouble.string(value))
        case .boolean(let value): object["value"] = .bool(value)
        case .float(let value): object["value"] = .number(JSONNumber(text: JavaDouble.string(value)))
        case .null: break
        }
        return .object(object)
    }

    /// The type a `_source` value loads as (`ColumnType.from` over the Java value a hit's map holds).
    init(loading value: JSONValue) throws(OpenSearchError) {
        switch value {
        case .string(let text): self = .string(text)
        case .bool(let flag): self = .boolean(flag)
        case .number(let number):
            if number.isIntegerLiteral, let integer = number.intValue {
                self = Int32(exactly: integer) != nil ? .integer(integer) : .long(integer)
            } else {
                self = .double(number.doubleValue)
            }
        case .null: throw OpenSearchError("NullPointerException", reason: "null", status: 500)
        case .object: throw .illegalArgument("unsupported type:java.util.HashMap")
        case .array: throw .illegalArgument("unsupported type:java.util.ArrayList")
        }
    }
}
