/// Whether org.json (20231013) `new JSONObject(text)` or `new JSONArray(text)` succeeds, the first half of
/// ml-commons' `StringUtils.isValidJsonString`. org.json is lenient in its own way: unquoted and
/// single-quoted strings, `;` between members, trailing commas, empty array slots, and nothing checked
/// after the closing bracket; but raw line breaks inside strings and duplicate keys are rejected.
enum OrgJSONGrammar {
    /// Guards the recursion; org.json itself fails with a stack overflow somewhere deeper.
    static let depthLimit = 1000

    /// `new JSONObject(text)` succeeds, or else `new JSONArray(text)` does.
    static func acceptsObjectOrArray(_ units: [UInt16]) -> Bool {
        var objectTokener = Tokener(units: units)
        if (try? objectTokener.object(depth: 0)) != nil { return true }
        var arrayTokener = Tokener(units: units)
        return (try? arrayTokener.array(depth: 0)) != nil
    }

    private struct SyntaxError: Error {}

    /// `JSONTokener`: one character of look-back, and a NUL character read as the end of input.
    private struct Tokener {
        let units: [UInt16]
        var cursor = 0
        var previous: UInt16 = 0
        var usePrevious = false
        var isAtEnd = false

        init(units: [UInt16]) { self.units = units }

        mutating func next() -> UInt16 {
            if usePrevious {
                usePrevious = false
                return previous
            }
            guard cursor < units.count else {
                isAtEnd = true
                return 0
            }
            let unit = units[cursor]
            cursor += 1
            guard unit != 0 else {
                isAtEnd = true
                return 0
            }
            previous = unit
            return unit
        }

        mutating func back() {
            usePrevious = true
            isAtEnd = false
        }

        var end: Bool { isAtEnd && !usePrevious }

        /// Skips every character up to and including U+0020.
        mutating func nextClean() -> UInt16 {
            while true {
                let unit = next()
                if unit == 0 || unit > 0x20 { return unit }
            }
        }

        mutating func object(depth: Int) throws(SyntaxError) {
            guard depth < OrgJSONGrammar.depthLimit, nextClean() == code("{") else { throw SyntaxError() }
            var keys = Set<String>()
            while true {
                let first = nextClean()
                if first == 0 { throw SyntaxError() }
                if first == code("}") { return }
                let key = try simpleValue(startingWith: first)
                guard nextClean() == code(":"), !keys.contains(key) else { throw SyntaxError() }
                try value(depth: depth)
                keys.insert(key)
                switch nextClean() {
                case code(";"), code(","):
                    if nextClean() == code("}") { return }
                    if end { throw SyntaxError() }
                    back()
                case code("}"):
                    return
                default:
                    throw SyntaxError()
                }
            }
        }

        mutating func array(depth: Int) throws(SyntaxError) {
            guard depth < OrgJSONGrammar.depthLimit, nextClean() == code("[") else { throw SyntaxError() }
            let first = nextClean()
            if first == 0 { throw SyntaxError() }
            if first == code("]") { return }
            back()
            while true {
                if nextClean() == code(",") {
                    back()  // an empty slot is JSONObject.NULL
                } else {
                    back()
                    try value(depth: depth)
                }
                switch nextClean() {
                case 0:
                    throw SyntaxError()
                case code(","):
                    let following = nextClean()
                    if following == 0 { throw SyntaxError() }
                    if following == code("]") { return }
                    back()
                case code("]"):
                    return
                default:
                    throw SyntaxError()
                }
            }
        }

        /// `nextValue`: an object, an array, or a simple value.
        private mutating func value(depth: Int) throws(SyntaxError) {
            let first = nextClean()
            if first == code("{") || first == code("[") {
                back()
                if first == code("{") { try object(depth: depth + 1) } else { try array(depth: depth + 1) }
                return
            }
            _ = try simpleValue(startingWith: first)
        }

        /// `nextSimpleValue`: a quoted string, or an unquoted run up to a delimiter, trimmed; returns the
        /// text a key compares by.
        private mutating func simpleValue(startingWith first: UInt16) throws(SyntaxError) -> String {
            if first == code("\"") || first == code("'") { return try quoted(until: first) }
            var run: [UInt16] = []
            var unit = first
            while unit >= 0x20, !Self.isDelimiter(unit) {
                run.append(unit)
                unit = next()
            }
            if !isAtEnd { back() }
            let trimmed = run.drop(while: { $0 <= 0x20 }).reversed().drop(while: { $0 <= 0x20 }).reversed()
            guard !trimmed.isEmpty else { throw SyntaxError() }
            let text = String(decoding: trimmed, as: UTF16.self)
            // `stringToValue(text).toString()`: the keywords are case-insensitive.
            let lowered = text.lowercased()
            return ["true", "false", "null"].contains(lowered) ? lowered : text
        }

        /// `nextString`: raw line breaks and NUL end the string with an error; escapes are checked.
        private mutating func quoted(until quote: UInt16) throws(SyntaxError) -> String {
            var out: [UInt16] = []
            while true {
                let unit = next()
                switch unit {
                case 0, code("\n"), code("\r"):
                    throw SyntaxError()
                case code("\\"):
                    let escaped = next()
                    switch escaped {
                    case code("b"): out.append(0x08)
                    case code("t"): out.append(0x09)
                    case code("n"): out.append(0x0A)
                    case code("f"): out.append(0x0C)
                    case code("r"): out.append(0x0D)
                    case code("u"):
                        var digits: [UInt16] = []
                        for _ in 0..<4 {
                            digits.append(next())
                            if end { throw SyntaxError() }
                        }
                        guard let value = JSONEscaping.javaParseHex(String(decoding: digits, as: UTF16.self)) else {
                            throw SyntaxError()
                        }
                        out.append(UInt16(truncatingIfNeeded: value))
                    case code("\""), code("'"), code("\\"), code("/"): out.append(escaped)
                    default: throw SyntaxError()
                    }
                default:
                    if unit == quote { return String(decoding: out, as: UTF16.self) }
                    out.append(unit)
                }
            }
        }

        private static func isDelimiter(_ unit: UInt16) -> Bool {
            switch unit {
            case code(","), code(":"), code("]"), code("}"), code("/"), code("\\"), code("\""), code("["), code("{"),
                code(";"), code("="), code("#"):
                return true
            default:
                return false
            }
        }
    }
}

/// The UTF-16 code unit of an ASCII character.
private func code(_ character: Unicode.Scalar) -> UInt16 { UInt16(character.value) }
