/// Renders a response as OpenSearch does for `format=yaml`: Jackson's YAML generator over snakeyaml,
/// with a `---` document start, block collections (sequences not indented under their key), every
/// string value double-quoted and folded past 80 columns at spaces, keys plain unless YAML would
/// read them otherwise.
public struct YAMLWriter: Sendable {
    /// snakeyaml's preferred line width.
    static let width = 80
    /// Keys YAML would read as booleans or null, quoted to stay strings.
    static let reservedKeys: Set<String> = [
        "y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    ]

    public init() {}

    /// The YAML document for a response body, ending with a line feed.
    public func string(_ value: JSONValue) -> String {
        var out = "---"
        switch value {
        case .object(let object) where object.isEmpty: out += " {}"
        case .array(let elements) where elements.isEmpty: out += " []"
        case .object(let object):
            out += "\n"
            writeMapping(object, indent: 0, firstLineWritten: false, into: &out)
            return out
        case .array(let elements):
            out += "\n"
            writeSequence(elements, indent: 0, firstLineWritten: false, into: &out)
            return out
        default:
            out += " "
            writeScalar(value, indent: 0, column: 4, into: &out)
        }
        return out + "\n"
    }

    /// Keys at `indent`; with `firstLineWritten`, the first key goes on the current line (after `- `).
    private func writeMapping(_ object: JSONObject, indent: Int, firstLineWritten: Bool, into out: inout String) {
        var first = true
        for (key, value) in object {
            if !(first && firstLineWritten) { out += String(repeating: " ", count: indent) }
            first = false
            let written = Self.key(key)
            out += written + ":"
            writeValue(value, indent: indent, column: indent + written.unicodeScalars.count + 1, inMapping: true, into: &out)
        }
    }

    private func writeSequence(_ elements: [JSONValue], indent: Int, firstLineWritten: Bool, into out: inout String) {
        for (offset, element) in elements.enumerated() {
            if !(offset == 0 && firstLineWritten) { out += String(repeating: " ", count: indent) }
            out += "-"
            writeValue(element, indent: indent, column: indent + 1, inMapping: false, into: &out)
        }
    }

    /// What follows `key:` or `-`: a scalar or flow-style empty collection on the same line, or a block collection.
    private func writeValue(_ value: JSONValue, indent: Int, column: Int, inMapping: Bool, into out: inout String) {
        switch value {
        case .object(let object) where !object.isEmpty:
            if inMapping {
                out += "\n"
                writeMapping(object, indent: indent + 2, firstLineWritten: false, into: &out)
            } else {
                out += " "
                writeMapping(object, indent: indent + 2, firstLineWritten: true, into: &out)
            }
        case .array(let elements) where !elements.isEmpty:
            if inMapping {
                out += "\n"
                writeSequence(elements, indent: indent, firstLineWritten: false, into: &out)  // not indented under its key
            } else {
                out += " "
                writeSequence(elements, indent: indent + 2, firstLineWritten: true, into: &out)
            }
        default:
            out += " "
            writeScalar(value, indent: indent + 2, column: column + 1, into: &out)
            out += "\n"
        }
    }

    private func writeScalar(_ value: JSONValue, indent: Int, column: Int, into out: inout String) {
        switch value {
        case .string(let text): writeDoubleQuoted(text, indent: indent, column: column, into: &out)
        case .number(let number): out += number.text
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .object: out += "{}"
        case .array: out += "[]"
        }
    }

    /// snakeyaml's double-quoted style: escapes, and (for values) a fold at a space once a line passes
    /// the width (a `\` ends the line, the next starts indented, with `\` before a leading space).
    private func writeDoubleQuoted(
        _ text: String, indent: Int, column startColumn: Int, folding: Bool = true, into out: inout String
    ) {
        let scalars = Array(text.unicodeScalars)
        var column = startColumn + 1
        out += "\""
        var start = 0
        var end = 0
        while end <= scalars.count {
            let scalar: Unicode.Scalar? = end < scalars.count ? scalars[end] : nil
            if scalar.map(Self.needsEscape) ?? true {
                if start < end {
                    out.unicodeScalars.append(contentsOf: scalars[start..<end])
                    column += end - start
                    start = end
                }
                if let scalar {
                    let escaped = Self.escape(scalar)
                    out += escaped
                    column += escaped.unicodeScalars.count
                    start = end + 1
                }
            }
            if folding, end > 0, end < scalars.count - 1, scalar == " " || start >= end, column + (end - start) > Self.width {
                if start < end {
                    out.unicodeScalars.append(contentsOf: scalars[start..<end])
                    start = end
                }
                out += "\\\n" + String(repeating: " ", count: indent)
                column = indent
                if scalars[start] == " " {
                    out += "\\"
                    column += 1
                }
            }
            end += 1
        }
        out += "\""
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x5C, 0x85, 0x2028, 0x2029, 0xFEFF: return true
        case 0x20...0x7E: return false
        default: return true
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00: return "\\0"
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0B: return "\\v"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x85: return "\\N"
        case 0xA0: return "\\_"
        case 0x2028: return "\\L"
        case 0x2029: return "\\P"
        default:
            let value = scalar.value
            let printable = value >= 0xA0 && value <= 0xD7FF || value >= 0xE000 && value <= 0xFFFD || value >= 0x10000
            if printable { return String(scalar) }
            let hex = String(value, radix: 16)
            if value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// A key as written: plain, double-quoted when YAML would read it as another type, single-quoted
    /// when it cannot be plain.
    static func key(_ key: String) -> String {
        let scalars = Array(key.unicodeScalars)
        if reservedKeys.contains(key) || key.hasPrefix("~") || scalars.first.map({ "0123456789-+.".unicodeScalars.contains($0) }) == true
            || scalars.contains(where: { $0.value < 0x20 })
        {
            var out = ""
            YAMLWriter().writeDoubleQuoted(key, indent: 0, column: 0, folding: false, into: &out)
            return out
        }
        let indicators = "#,[]{}&*!|>'\"%@`".unicodeScalars
        let needsQuotes = key.isEmpty || scalars.first.map(indicators.contains) == true || key.contains(": ")
            || key.hasSuffix(":") || key.contains(" #") || scalars.first == " " || scalars.last == " "
            || key.hasPrefix("? ") || key.hasPrefix("?") && scalars.count == 1
        guard needsQuotes else { return key }
        return "'" + key.replacing("'", with: "''") + "'"
    }
}
