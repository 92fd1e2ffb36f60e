/// Reads JSON text the way gson's `JsonParser.parseString` does (a lenient `JsonReader`, gson 2.13):
/// comments (`//`, `/* */`, `#`), single-quoted and unquoted strings and names, `=`/`=>` after names,
/// `;` between members, empty array slots as `null`, case-insensitive `true`/`false`/`null`, and a
/// nesting limit of 255. Numbers keep their literal text; duplicate names keep the first position and
/// the last value, as gson's `JsonObject` does.
public enum GsonLenientParser {
    /// gson's default `JsonReader` nesting limit.
    static let nestingLimit = 255

    /// The parsed document, or nil when gson would throw (or the text is empty).
    public static func parse(_ text: String) -> JSONValue? {
        var reader = Reader(units: Array(text.utf16))
        return try? reader.document()
    }

    /// Whether gson would read `units` as one complete value.
    static func accepts(_ units: [UInt16]) -> Bool {
        var reader = Reader(units: units)
        return (try? reader.document()) != nil
    }

    private struct SyntaxError: Error {}

    private enum ArrayState { case empty, nonEmpty }

    private struct Reader {
        let units: [UInt16]
        var position = 0
        var depth = 0

        init(units: [UInt16]) { self.units = units }

        mutating func document() throws(SyntaxError) -> JSONValue {
            if units.first == 0xFEFF { position = 1 }
            // An empty document (blanks and comments only) reads as JSON null.
            guard try nextNonWhitespaceChecked() != nil else { return .null }
            position -= 1
            skipNonExecutePrefix()
            guard let first = try nextNonWhitespaceChecked() else { return .null }
            if first == ascii("]") || first == ascii(";") || first == ascii(",") { throw SyntaxError() }
            let value = try value(startingWith: first)
            // A null document skips the end check; otherwise the check runs after gson has restored strict
            // mode, so only plain whitespace may follow (no comments).
            if value == .null { return value }
            while position < units.count {
                switch units[position] {
                case ascii(" "), ascii("\t"), ascii("\n"), ascii("\r"): position += 1
                default: throw SyntaxError()
                }
            }
            return value
        }

        /// `)]}'` + newline, which lenient gson skips at the start of a document.
        private mutating func skipNonExecutePrefix() {
            let prefix: [UInt16] = [ascii(")"), ascii("]"), ascii("}"), ascii("'"), ascii("\n")]
            if units.count >= position + 5, Array(units[position..<(position + 5)]) == prefix { position += 5 }
        }

        private mutating func value(startingWith first: UInt16) throws(SyntaxError) -> JSONValue {
            switch first {
            case ascii("\""), ascii("'"): return .string(try quoted(until: first))
            case ascii("["): return try array()
            case ascii("{"): return try object()
            default:
                position -= 1
                return try literal()
            }
        }

        private mutating func array() throws(SyntaxError) -> JSONValue {
            try enterContainer()
            var elements: [JSONValue] = []
            var state = ArrayState.empty
            while true {
                if state == .nonEmpty {
                    let separator = try nextNonWhitespaceOrThrow()
                    if separator == ascii("]") { break }
                    guard separator == ascii(",") || separator == ascii(";") else { throw SyntaxError() }
                }
                let first = try nextNonWhitespaceOrThrow()
                if first == ascii("]"), state == .empty { break }
                if first == ascii("]") || first == ascii(",") || first == ascii(";") {
                    // An empty slot reads as null; the character is read again as the separator.
                    position -= 1
                    elements.append(.null)
                } else {
                    elements.append(try value(startingWith: first))
                }
                state = .nonEmpty
            }
            depth -= 1
            return .array(elements)
        }

        private mutating func object() throws(SyntaxError) -> JSONValue {
            try enterContainer()
            var members = JSONObject()
            var isEmpty = true
            while true {
                if !isEmpty {
                    let separator = try nextNonWhitespaceOrThrow()
                    if separator == ascii("}") { break }
                    guard separator == ascii(",") || separator == ascii(";") else { throw SyntaxError() }
                }
                let first = try nextNonWhitespaceOrThrow()
                let name: String
                switch first {
                case ascii("\""), ascii("'"): name = try quoted(until: first)
                case ascii("}"):
                    guard isEmpty else { throw SyntaxError() }
                    depth -= 1
                    return .object(members)
                default:
                    position -= 1
                    guard Self.isLiteral(first) else { throw SyntaxError() }
                    name = Self.string(literalRun())
                }
                let colon = try nextNonWhitespaceOrThrow()
                if colon == ascii("=") {
                    if position < units.count, units[position] == ascii(">") { position += 1 }
                } else if colon != ascii(":") {
                    throw SyntaxError()
                }
                let valueStart = try nextNonWhitespaceOrThrow()
                if valueStart == ascii("]") || valueStart == ascii(",") || valueStart == ascii(";") { throw SyntaxError() }
                members[name] = try value(startingWith: valueStart)
                isEmpty = false
            }
            depth -= 1
            return .object(members)
        }

        private mutating func enterContainer() throws(SyntaxError) {
            guard depth < GsonLenientParser.nestingLimit else { throw SyntaxError() }
            depth += 1
        }

        /// An unquoted value: a keyword, a number (kept as text) or an unquoted string.
        private mutating func literal() throws(SyntaxError) -> JSONValue {
            let run = literalRun()
            guard !run.isEmpty else { throw SyntaxError() }
            let text = Self.string(run)
            if let keyword = Self.keyword(run) { return keyword }
            if Self.isNumber(run) { return .number(JSONNumber(text: text)) }
            return .string(text)
        }

        private mutating func literalRun() -> ArraySlice<UInt16> {
            let start = position
            while position < units.count, Self.isLiteral(units[position]) { position += 1 }
            return units[start..<position]
        }

        private mutating func quoted(until quote: UInt16) throws(SyntaxError) -> String {
            var out: [UInt16] = []
            while position < units.count {
                let unit = units[position]
                position += 1
                if unit == quote { return Self.string(out[...]) }
                guard unit == ascii("\\") else {
                    out.append(unit)
                    continue
                }
                guard position < units.count else { throw SyntaxError() }
                let escaped = units[position]
                position += 1
                switch escaped {
                case ascii("u"):
                    guard position + 4 <= units.count else { throw SyntaxError() }
                    var value: UInt16 = 0
                    for unit in units[position..<(position + 4)] {
                        guard let digit = Self.hexValue(unit) else { throw SyntaxError() }
                        value = value << 4 | digit
                    }
                    position += 4
                    out.append(value)
                case ascii("t"): out.append(0x09)
                case ascii("b"): out.append(0x08)
                case ascii("n"): out.append(0x0A)
                case ascii("r"): out.append(0x0D)
                case ascii("f"): out.append(0x0C)
                case ascii("\n"), ascii("'"), ascii("\""), ascii("\\"), ascii("/"): out.append(escaped)
                default: throw SyntaxError()
                }
            }
            throw SyntaxError()
        }

        private mutating func nextNonWhitespaceOrThrow() throws(SyntaxError) -> UInt16 {
            guard let unit = try nextNonWhitespaceChecked() else { throw SyntaxError() }
            return unit
        }

        /// `JsonReader.nextNonWhitespace`: skips spaces, tabs, line breaks and comments.
        private mutating func nextNonWhitespaceChecked() throws(SyntaxError) -> UInt16? {
            while position < units.count {
                let unit = units[position]
                position += 1
                switch unit {
                case ascii("\n"), ascii(" "), ascii("\r"), ascii("\t"):
                    continue
                case ascii("/"):
                    guard position < units.count else { return unit }
                    if units[position] == ascii("*") {
                        position += 1
                        guard let end = indexOfCommentEnd() else { throw SyntaxError() }
                        position = end + 2
                    } else if units[position] == ascii("/") {
                        position += 1
                        skipToEndOfLine()
                    } else {
                        return unit
                    }
                case ascii("#"):
                    skipToEndOfLine()
                default:
                    return unit
                }
            }
            return nil
        }

        private func indexOfCommentEnd() -> Int? {
            var index = position
            while index + 1 < units.count {
                if units[index] == ascii("*"), units[index + 1] == ascii("/") { return index }
                index += 1
            }
            return nil
        }

        private mutating func skipToEndOfLine() {
            while position < units.count {
                let unit = units[position]
                position += 1
                if unit == ascii("\n") || unit == ascii("\r") { return }
            }
        }

        /// `JsonReader.isLiteral`: characters that may appear in an unquoted value or name.
        static func isLiteral(_ unit: UInt16) -> Bool {
            switch unit {
            case ascii("/"), ascii("\\"), ascii(";"), ascii("#"), ascii("="), ascii("{"), ascii("}"), ascii("["),
                ascii("]"), ascii(":"), ascii(","), ascii(" "), ascii("\t"), 0x0C, ascii("\r"), ascii("\n"):
                return false
            default:
                return true
            }
        }

        /// `peekKeyword` in lenient mode: each letter in lower or upper case.
        private static func keyword(_ run: ArraySlice<UInt16>) -> JSONValue? {
            let candidates: [(String, JSONValue)] = [("true", .bool(true)), ("false", .bool(false)), ("null", .null)]
            for (word, value) in candidates where run.count == word.utf16.count {
                let matches = zip(run, zip(word.utf16, word.uppercased().utf16)).allSatisfy { unit, cases in
                    unit == cases.0 || unit == cases.1
                }
                if matches { return value }
            }
            return nil
        }

        /// `peekNumber`: JSON number grammar (no leading zeros, `.` and exponent need digits).
        private static func isNumber(_ run: ArraySlice<UInt16>) -> Bool {
            var units = run[...]
            if units.first == ascii("-") { units = units.dropFirst() }
            let integer = units.prefix(while: isDigit)
            guard !integer.isEmpty, integer.count == 1 || integer.first != ascii("0") else { return false }
            units = units.dropFirst(integer.count)
            if units.first == ascii(".") {
                let fraction = units.dropFirst().prefix(while: isDigit)
                guard !fraction.isEmpty else { return false }
                units = units.dropFirst(1 + fraction.count)
            }
            if let marker = units.first, marker == ascii("e") || marker == ascii("E") {
                units = units.dropFirst()
                if let sign = units.first, sign == ascii("+") || sign == ascii("-") { units = units.dropFirst() }
                let exponent = units.prefix(while: isDigit)
                guard !exponent.isEmpty else { return false }
                units = units.dropFirst(exponent.count)
            }
            return units.isEmpty
        }

        private static func isDigit(_ unit: UInt16) -> Bool { unit >= ascii("0") && unit <= ascii("9") }

        private static func hexValue(_ unit: UInt16) -> UInt16? {
            switch unit {
            case ascii("0")...ascii("9"): return unit - ascii("0")
            case ascii("a")...ascii("f"): return unit - ascii("a") + 10
            case ascii("A")...ascii("F"): return unit - ascii("A") + 10
            default: return nil
            }
        }

        private static func string(_ units: ArraySlice<UInt16>) -> String {
            String(decoding: units, as: UTF16.self)
        }
    }
}

/// The UTF-16 code unit of an ASCII character.
private func ascii(_ character: Unicode.Scalar) -> UInt16 { UInt16(character.value) }
