/// The string escapers and the JSON test ml-commons applies to template parameters.
public enum JSONEscaping {
    /// Commons Text `StringEscapeUtils.escapeJson`: `"` `\` `/` and `\b \f \n \r \t` get short escapes,
    /// everything outside U+0020…U+007E becomes `\uXXXX` (upper-case hex, surrogate pairs above U+FFFF).
    public static func escapeJson(_ text: String) -> String {
        // Written as bytes: one String per escaped character made long non-ASCII texts slow.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x2F: out += [0x5C, 0x2F]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x20...0x7E: out.append(UInt8(scalar.value))
            default:
                if scalar.value <= 0xFFFF {
                    appendUnicodeEscape(UInt16(scalar.value), to: &out)
                } else {
                    let offset = scalar.value - 0x10000
                    appendUnicodeEscape(UInt16(0xD800 + (offset >> 10)), to: &out)
                    appendUnicodeEscape(UInt16(0xDC00 + (offset & 0x3FF)), to: &out)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let upperHex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// `\uXXXX` with upper-case hex digits.
    private static func appendUnicodeEscape(_ unit: UInt16, to out: inout [UInt8]) {
        out.append(0x5C)
        out.append(UInt8(ascii: "u"))
        for shift in [12, 8, 4, 0] { out.append(upperHex[Int((unit >> UInt16(shift)) & 0xF)]) }
    }

    /// ml-commons `StringUtils.processTextDoc`: gson's string escaping without the surrounding quotes
    /// (`/` and non-ASCII stay as they are; control characters and U+2028/U+2029 are escaped).
    public static func processTextDoc(_ text: String) -> String {
        JSONWriter(escaping: .gson).escaped(text)
    }

    /// ml-commons `StringUtils.isJson`: true only for a JSON object or array that both org.json
    /// (20231013) and gson's lenient reader accept, so some non-standard text passes (`[a,]`, `{'k':v}`).
    public static func isJSON(_ text: String) -> Bool {
        // org.json starts at the first character above a space, which must open an object or an array:
        // most parameters are plain text and are told apart here without parsing.
        guard let first = text.utf16.first(where: { $0 > 0x20 }), first == 0x7B || first == 0x5B else { return false }
        if isPlainJSON(text) { return true }
        guard !text.allSatisfy(\.isJavaWhitespace) else { return false }
        let units = Array(text.utf16)
        // gson runs second in ml-commons; it goes first here because it bounds nesting, which keeps
        // the recursive org.json check shallow.
        guard GsonLenientParser.accepts(units) else { return false }
        return OrgJSONGrammar.acceptsObjectOrArray(units)
    }

    /// Standard JSON without comments, duplicate names or nesting past gson's limit, which both org.json and
    /// gson accept: one parse instead of their two (a rendered request body is checked on every call).
    static func isPlainJSON(_ text: String) -> Bool { plainJSON(text) != nil }

    /// The value of `text` when it is such plain JSON, else nil.
    public static func plainJSON(_ text: String) -> JSONValue? {
        // A comment outside strings goes the slow way (org.json has none); `//` inside one, as in a URL, does not.
        var previous: UInt8 = 0
        var inString = false
        var escaping = false
        for byte in text.utf8 {
            if inString {
                if escaping {
                    escaping = false
                } else if byte == UInt8(ascii: "\\") {
                    escaping = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                    previous = byte
                }
                continue
            }
            if byte == UInt8(ascii: "\"") { inString = true }
            if byte == UInt8(ascii: "#") || (previous == UInt8(ascii: "/") && (byte == UInt8(ascii: "/") || byte == UInt8(ascii: "*"))) {
                return nil
            }
            previous = byte
        }
        guard let value = try? JSONParser.parse(text), value.objectValue != nil || value.arrayValue != nil,
            nestingDepth(value) <= GsonLenientParser.nestingLimit
        else { return nil }
        return value
    }

    private static func nestingDepth(_ value: JSONValue) -> Int {
        switch value {
        case .object(let object): return 1 + (object.map { nestingDepth($0.value) }.max() ?? 0)
        case .array(let items): return 1 + (items.map(nestingDepth).max() ?? 0)
        default: return 0
        }
    }

    /// Commons Text `StringEscapeUtils.unescapeJava` (octal, `\u` with repeated `u`/`+`, short escapes,
    /// and a backslash before any other character dropped). Invalid `\u` digits throw as in Java.
    public static func unescapeJava(_ text: String) throws(OpenSearchError) -> String {
        let units = Array(text.utf16)
        var out: [UInt16] = []
        var index = 0
        while index < units.count {
            let unit = units[index]
            guard unit == 0x5C, index + 1 < units.count else {
                // A trailing lone backslash is dropped by the `"\\" -> ""` lookup entry.
                if unit != 0x5C { out.append(unit) }
                index += 1
                continue
            }
            let next = units[index + 1]
            if let (value, consumed) = octalEscape(units, at: index) {
                out.append(value)
                index += consumed
            } else if next == utf16Code("u") {
                var cursor = index + 2
                while cursor < units.count, units[cursor] == utf16Code("u") { cursor += 1 }
                if cursor < units.count, units[cursor] == utf16Code("+") { cursor += 1 }
                guard cursor + 4 <= units.count else {
                    let rest = decode(units[index...])
                    throw .illegalArgument("Less than 4 hex digits in unicode value: '\(rest)' due to end of CharSequence")
                }
                let digits = decode(units[cursor..<(cursor + 4)])
                guard let value = javaParseHex(digits) else {
                    throw .illegalArgument("Unable to parse unicode value: \(digits)")
                }
                out.append(UInt16(truncatingIfNeeded: value))
                index = cursor + 4
            } else {
                switch next {
                case utf16Code("b"): out.append(0x08)
                case utf16Code("n"): out.append(0x0A)
                case utf16Code("t"): out.append(0x09)
                case utf16Code("f"): out.append(0x0C)
                case utf16Code("r"): out.append(0x0D)
                case 0x5C, utf16Code("\""), utf16Code("'"): out.append(next)
                default:
                    // `"\\" -> ""`: the backslash goes, the next character is kept on the next turn.
                    index += 1
                    continue
                }
                index += 2
            }
        }
        return decode(out[...])
    }

    /// `OctalUnescaper`: `\` then 1–3 octal digits (three only when the first is 0–3).
    private static func octalEscape(_ units: [UInt16], at index: Int) -> (UInt16, Int)? {
        func isOctal(_ offset: Int) -> Bool {
            index + offset < units.count && (0x30...0x37).contains(units[index + offset])
        }
        guard isOctal(1) else { return nil }
        var digits = [units[index + 1]]
        if isOctal(2) {
            digits.append(units[index + 2])
            if (0x30...0x33).contains(units[index + 1]), isOctal(3) { digits.append(units[index + 3]) }
        }
        let value = digits.reduce(UInt16(0)) { $0 * 8 + ($1 - 0x30) }
        return (value, 1 + digits.count)
    }

    /// `Integer.parseInt(s, 16)`: optional sign, then hex digits.
    static func javaParseHex(_ text: String) -> Int? {
        var body = Substring(text)
        var sign = 1
        if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.allSatisfy(\.isHexDigit), let magnitude = Int(body, radix: 16) else { return nil }
        return sign * magnitude
    }

    private static func decode(_ units: ArraySlice<UInt16>) -> String {
        String(decoding: units, as: UTF16.self)
    }
}

/// The UTF-16 code unit of an ASCII character.
private func utf16Code(_ character: Unicode.Scalar) -> UInt16 { UInt16(character.value) }
