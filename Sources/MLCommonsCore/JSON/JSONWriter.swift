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

    /// The escaped contents of a JSON string, without the quotes. Runs of bytes that need no escape are copied
    /// whole: prompts are long and full of newlines, and went through here a scalar at a time.
    public func escaped(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            var copied = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let escape: String
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0..<0x20: escape = "\\u" + Hex.fourDigits(UInt32(byte), uppercase: escaping == .xContent)
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                case 0xE2 where escaping != .xContent && index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                // (A `where` after several patterns would guard only the last one.)
                case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "="), UInt8(ascii: "'"):
                    guard escaping == .gsonHTMLSafe else {
                        index += 1
                        continue
                    }
                    escape = "\\u" + Hex.fourDigits(UInt32(byte), uppercase: false)
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: bytes[copied..<index])
                out.append(contentsOf: escape.utf8)
                index += width
                copied = index
            }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Hex digits for `\uXXXX` escapes.
enum Hex {
    static func fourDigits(_ value: UInt32, uppercase: Bool) -> String {
        let digits = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
