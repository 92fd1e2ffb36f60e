/// Writes ``JSONValue`` as compact JSON text.
public struct JSONWriter: Sendable {
    /// How string contents are escaped; the two serialisers ml-commons output passes through differ.
    public enum Escaping: Sendable {
        /// Jackson (OpenSearch XContent): short escapes, other control characters as `\u00XX` upper-case.
        case xContent
        /// gson with HTML escaping disabled: control characters as `\u00xx` lower-case, plus U+2028/U+2029.
        case gson
        /// A default `new Gson()`: as ``gson``, and `<`, `>`, `&`, `=`, `'` as `\u003c`… (HTML-safe).
        case gsonHTMLSafe
    }

    public var escaping: Escaping
    private static let htmlCharacters: Set<Unicode.Scalar> = ["<", ">", "&", "=", "'"]

    public init(escaping: Escaping = .xContent) { self.escaping = escaping }

    /// The compact text of `value`.
    public func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    /// Appends the compact text of `value`.
    public func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += number.text
        case .string(let text): writeString(text, into: &out)
        case .array(let elements):
            out += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { out += "," }
                write(element, into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            var first = true
            for (key, member) in object {
                if !first { out += "," }
                first = false
                writeString(key, into: &out)
                out += ":"
                write(member, into: &out)
            }
            out += "}"
        }
    }

    /// Appends `text` as a quoted JSON string.
    public func writeString(_ text: String, into out: inout String) {
        out += "\""
        if needsEscaping(text) { out += escaped(text) } else { out += text }
        out += "\""
    }

    /// Whether any byte of `text` may need an escape: most strings have none and are copied whole.
    private func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            bytes.contains { byte in
                switch byte {
                case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"): return true
                // The lead byte of U+2028 and U+2029.
                case 0xE2: return escaping != .xContent
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "'"):
                    return escaping == .gsonHTMLSafe
                default: return false
                }
            }
        }
    }

    /// The escaped contents of a JSON string, without the quotes.
    public func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{2028}" where escaping != .xContent: out += "\\u2028"
            case "\u{2029}" where escaping != .xContent: out += "\\u2029"
            case _ where escaping == .gsonHTMLSafe && Self.htmlCharacters.contains(scalar):
                out += "\\u" + Hex.fourDigits(scalar.value, uppercase: false)
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + Hex.fourDigits(scalar.value, uppercase: escaping == .xContent)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// Hex digits for `\uXXXX` escapes.
enum Hex {
    static func fourDigits(_ value: UInt32, uppercase: Bool) -> String {
        let digits = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
