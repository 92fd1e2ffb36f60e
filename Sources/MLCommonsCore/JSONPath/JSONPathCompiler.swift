/// Jayway's `PathCompiler` (json-path 2.9.0) for the subset without filters and functions, including
/// its position arithmetic, so the same expressions compile (or fail with the same message).
struct JSONPathCompiler {
    private var path: CharacterIndex
    private(set) var tokens: [JSONPathToken] = []

    private init(path: CharacterIndex) { self.path = path }

    /// The root character (`$` or `@`) and the steps of `expression`.
    static func compile(_ expression: String) throws(JSONPathError) -> (root: Character, tokens: [JSONPathToken]) {
        var index = CharacterIndex(Array(expression.utf16))
        index.trim()
        // Jayway tests the first character of the untrimmed text.
        let first = try index.absoluteChar(0)
        if first != ascii("$"), first != ascii("@") {
            index = CharacterIndex(Array(("$." + expression).utf16))
            index.trim()
        }
        if index.lastCharIs(ascii(".")) { throw .invalidPath("Path must not end with a '.' or '..'") }
        var compiler = JSONPathCompiler(path: index)
        let root = try compiler.readContextToken()
        return (root, compiler.tokens)
    }

    private mutating func readContextToken() throws(JSONPathError) -> Character {
        while path.inBounds(), Self.isWhitespace(try path.currentChar()) { path.position += 1 }
        let rootChar = try path.currentChar()
        guard rootChar == ascii("$") || rootChar == ascii("@") else {
            throw .invalidPath("Path must start with '$' or '@'")
        }
        let root = Character(Unicode.Scalar(rootChar)!)
        if path.currentIsTail { return root }
        path.position += 1
        let next = try path.currentChar()
        guard next == ascii(".") || next == ascii("[") else {
            throw .invalidPath("Illegal character at position \(path.position) expected '.' or '['")
        }
        try readNextToken()
        return root
    }

    private mutating func readNextToken() throws(JSONPathError) {
        // Each step is a few nested calls here and in the evaluation; a bound keeps both off the stack's end.
        guard tokens.count < JSONPath.maxSteps else {
            throw .unsupported("Paths of more than \(JSONPath.maxSteps) steps are not supported")
        }
        let position = path.position
        switch try path.currentChar() {
        case ascii("["):
            if try readBracketPropertyToken() { return }
            if try readArrayToken() { return }
            if try readWildcardToken() { return }
            // Jayway's filter reader looks for `?` next, reading past the end of `…[` as it goes.
            if try path.indexOfNextSignificantChar(after: position, ascii("?")) != -1 {
                throw .unsupported("Filter expressions are not supported: \(path.text)")
            }
            throw .invalidPath("Could not parse token starting at position \(position). Expected ?, ', 0-9, * ")
        case ascii("."):
            try readDotToken()
        case ascii("*"):
            guard try readWildcardToken() else {
                throw .invalidPath("Could not parse token starting at position \(position)")
            }
        default:
            guard try readPropertyToken() else {
                throw .invalidPath("Could not parse token starting at position \(position)")
            }
        }
    }

    /// Continues after a token unless the cursor has reached the last character (which Jayway ignores).
    private mutating func readRest() throws(JSONPathError) {
        if !path.currentIsTail { try readNextToken() }
    }

    private mutating func readDotToken() throws(JSONPathError) {
        if try path.currentCharIs(ascii(".")), path.nextCharIs(ascii(".")) {
            tokens.append(.scan)
            path.position += 2
        } else if !path.inBounds(path.position + 1) {
            throw .invalidPath("Path must not end with a '.")
        } else {
            path.position += 1
        }
        if try path.currentCharIs(ascii(".")) {
            throw .invalidPath("Character '.' on position \(path.position) is not valid.")
        }
        try readNextToken()
    }

    private mutating func readPropertyToken() throws(JSONPathError) -> Bool {
        let current = try path.currentChar()
        if current == ascii("[") || current == ascii("*") || current == ascii(".") || current == ascii(" ") {
            return false
        }
        let start = path.position
        var read = start
        var end = 0
        while path.inBounds(read) {
            let unit = try path.absoluteChar(read)
            if unit == ascii(" ") {
                throw .invalidPath(
                    "Use bracket notion ['my prop'] if your property contains blank characters. position: \(path.position)")
            }
            if unit == ascii(".") || unit == ascii("[") {
                end = read
                break
            }
            if unit == ascii("(") {
                let name = path.substring(start, read)
                guard path.parenthesesClose(after: read) else {
                    throw .invalidPath("Arguments to function: '\(name)' are not closed properly.")
                }
                throw .unsupported("Path functions are not supported: \(name)")
            }
            read += 1
        }
        if end == 0 { end = path.length }
        path.position = end
        tokens.append(.property(names: [path.substring(start, end)], quote: "'"))
        try readRest()
        return true
    }

    private mutating func readBracketPropertyToken() throws(JSONPathError) -> Bool {
        guard try path.currentCharIs(ascii("[")) else { return false }
        let quote = path.nextSignificantChar()
        guard quote == ascii("'") || quote == ascii("\"") else { return false }
        var names: [String] = []
        var start = path.position + 1
        var read = start
        var end = 0
        var inProperty = false
        var inEscape = false
        var lastSignificantWasComma = false
        while path.inBounds(read) {
            let unit = try path.absoluteChar(read)
            if inEscape {
                inEscape = false
            } else if unit == ascii("\\") {
                inEscape = true
            } else if unit == ascii("]"), !inProperty {
                if lastSignificantWasComma { throw .invalidPath("Found empty property at index \(read)") }
                break
            } else if unit == quote {
                if inProperty {
                    let next = path.nextSignificantChar(after: read)
                    if next != ascii("]"), next != ascii(",") {
                        throw .invalidPath(
                            "Property must be separated by comma or Property must be terminated close square bracket "
                                + "at index \(read)")
                    }
                    end = read
                    names.append(try Self.unescape(path.substring(start, end)))
                    inProperty = false
                } else {
                    start = read + 1
                    inProperty = true
                    lastSignificantWasComma = false
                }
            } else if unit == ascii(","), !inProperty {
                if lastSignificantWasComma { throw .invalidPath("Found empty property at index \(read)") }
                lastSignificantWasComma = true
            }
            read += 1
        }
        if inProperty {
            throw .invalidPath("Property has not been closed - missing closing \(Character(Unicode.Scalar(quote)!))")
        }
        let closing = try path.indexOfNextSignificantChar(after: end, ascii("]"))
        guard closing != -1 else { throw .invalidPath("Property has not been closed - missing closing ]") }
        path.position = closing + 1
        guard !names.isEmpty else { throw .invalidPath("Empty properties") }
        tokens.append(.property(names: names, quote: Character(Unicode.Scalar(quote)!)))
        try readRest()
        return true
    }

    private mutating func readArrayToken() throws(JSONPathError) -> Bool {
        guard try path.currentCharIs(ascii("[")) else { return false }
        let next = path.nextSignificantChar()
        guard Self.isDigit(next) || next == ascii("-") || next == ascii(":") else { return false }
        let begin = path.position + 1
        let end = path.nextIndexOf(ascii("]"), from: begin)
        guard end != -1 else { return false }
        let expression = path.substring(begin, end).javaTrimmed
        guard expression != "*" else { return false }
        let allowed = expression.unicodeScalars.allSatisfy { scalar in
            ("0"..."9").contains(scalar) || scalar == "," || scalar == "-" || scalar == ":" || scalar == " "
        }
        guard allowed else { return false }
        if expression.contains(":") {
            tokens.append(try Self.sliceToken(expression))
        } else {
            tokens.append(try Self.indexToken(expression))
        }
        path.position = end + 1
        try readRest()
        return true
    }

    private mutating func readWildcardToken() throws(JSONPathError) -> Bool {
        let inBracket = try path.currentCharIs(ascii("["))
        if inBracket, !path.nextSignificantCharIs(ascii("*")) { return false }
        if try !path.currentCharIs(ascii("*")), !path.inBounds(path.position + 1) { return false }
        if inBracket {
            let wildcard = try path.indexOfNextSignificantChar(after: path.position, ascii("*"))
            guard path.nextSignificantCharIs(ascii("]"), after: wildcard) else {
                throw .invalidPath("Expected wildcard token to end with ']' on position \(wildcard + 1)")
            }
            path.position = try path.indexOfNextSignificantChar(after: wildcard, ascii("]")) + 1
        } else {
            path.position += 1
        }
        tokens.append(.wildcard)
        try readRest()
        return true
    }

    /// `ArrayIndexOperation.parse`: comma-separated `Integer.parseInt` values.
    private static func indexToken(_ expression: String) throws(JSONPathError) -> JSONPathToken {
        let parts = splitOnCommaWithBlanks(expression)
        var indexes: [Int] = []
        for part in parts {
            guard let index = javaParseInt(part) else {
                throw .invalidPath("Failed to parse token in ArrayIndexOperation: \(part)")
            }
            indexes.append(index)
        }
        return .arrayIndex(indexes)
    }

    /// `ArraySliceOperation.parse`: `from:to` with either side optional (`String.split(":")`).
    private static func sliceToken(_ expression: String) throws(JSONPathError) -> JSONPathToken {
        let allowed = expression.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "-" || $0 == ":" }
        guard allowed else { throw .invalidPath("Failed to parse SliceOperation: \(expression)") }
        var parts = expression.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        while parts.last == "" { parts.removeLast() }
        func read(_ index: Int) throws(JSONPathError) -> Int? {
            guard index < parts.count, !parts[index].isEmpty else { return nil }
            guard let value = javaParseInt(parts[index]) else {
                // A raw NumberFormatException, wrapped by `PathCompiler.compile`.
                throw .invalidPath("java.lang.NumberFormatException: For input string: \"\(parts[index])\"")
            }
            return value
        }
        let from = try read(0)
        let to = try read(1)
        guard from != nil || to != nil else { throw .invalidPath("Failed to parse SliceOperation: \(expression)") }
        return .arraySlice(from: from, to: to)
    }

    /// `Pattern.compile("\\s*,\\s*").split(text, -1)`.
    private static func splitOnCommaWithBlanks(_ text: String) -> [String] {
        text.split(separator: ",", omittingEmptySubsequences: false).map { part in
            trimmingJavaRegexBlanks(String(part))
        }
    }

    /// Strips the characters of Java's `\s` (space, tab, line feed, vertical tab, form feed, return).
    private static func trimmingJavaRegexBlanks(_ text: String) -> String {
        let blanks: Set<Unicode.Scalar> = [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r"]
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !blanks.contains($0) }),
            let last = scalars.lastIndex(where: { !blanks.contains($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// `Integer.parseInt` in base 10.
    static func javaParseInt(_ text: String) -> Int? {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
            let magnitude = Int64(digits)
        else { return nil }
        let value = negative ? -magnitude : magnitude
        guard value >= Int64(Int32.min), value <= Int64(Int32.max) else { return nil }
        return Int(value)
    }

    /// Jayway's `Utils.unescape` for bracket property names.
    static func unescape(_ text: String) throws(JSONPathError) -> String {
        var out: [UInt16] = []
        var unicode: [UInt16] = []
        var hadSlash = false
        var inUnicode = false
        for unit in text.utf16 {
            if inUnicode {
                unicode.append(unit)
                if unicode.count == 4 {
                    let digits = String(decoding: unicode, as: UTF16.self)
                    guard let value = JSONEscaping.javaParseHex(digits) else {
                        throw .invalidPath("com.jayway.jsonpath.JsonPathException: Unable to parse unicode value: \(digits)")
                    }
                    out.append(UInt16(truncatingIfNeeded: value))
                    unicode.removeAll()
                    inUnicode = false
                    hadSlash = false
                }
                continue
            }
            if hadSlash {
                hadSlash = false
                switch unit {
                case ascii("r"): out.append(0x0D)
                case ascii("f"): out.append(0x0C)
                case ascii("t"): out.append(0x09)
                case ascii("n"): out.append(0x0A)
                case ascii("b"): out.append(0x08)
                case ascii("u"): inUnicode = true
                default: out.append(unit)
                }
                continue
            }
            if unit == ascii("\\") {
                hadSlash = true
                continue
            }
            out.append(unit)
        }
        if hadSlash { out.append(ascii("\\")) }
        return String(decoding: out, as: UTF16.self)
    }

    private static func isWhitespace(_ unit: UInt16) -> Bool {
        unit == ascii(" ") || unit == ascii("\t") || unit == ascii("\n") || unit == ascii("\r")
    }

    private static func isDigit(_ unit: UInt16) -> Bool { unit >= ascii("0") && unit <= ascii("9") }
}

/// Jayway's `CharacterIndex`: a cursor over the path with a movable end (trimming only moves the bounds;
/// reads past them still see the untrimmed text, as in Java).
private struct CharacterIndex {
    let units: [UInt16]
    var position = 0
    var endPosition: Int

    init(_ units: [UInt16]) {
        self.units = units
        self.endPosition = units.count - 1
    }

    var length: Int { endPosition + 1 }
    var currentIsTail: Bool { position >= endPosition }
    var text: String { String(decoding: units, as: UTF16.self) }

    func inBounds(_ index: Int) -> Bool { index >= 0 && index <= endPosition }
    func inBounds() -> Bool { inBounds(position) }

    /// `charSequence.charAt(index)`, failing like Java past the real end.
    func absoluteChar(_ index: Int) throws(JSONPathError) -> UInt16 {
        guard index >= 0, index < units.count else {
            throw .invalidPath(
                "java.lang.StringIndexOutOfBoundsException: Index \(index) out of bounds for length \(units.count)")
        }
        return units[index]
    }

    func currentChar() throws(JSONPathError) -> UInt16 { try absoluteChar(position) }
    func currentCharIs(_ unit: UInt16) throws(JSONPathError) -> Bool { try currentChar() == unit }
    func nextCharIs(_ unit: UInt16) -> Bool { inBounds(position + 1) && units[position + 1] == unit }
    func lastCharIs(_ unit: UInt16) -> Bool { endPosition >= 0 && units[endPosition] == unit }

    func substring(_ start: Int, _ end: Int) -> String {
        String(decoding: units[start..<end], as: UTF16.self)
    }

    mutating func trim() {
        while inBounds(), position < endPosition, units[position] == ascii(" ") { position += 1 }
        while inBounds(), position < endPosition, units[endPosition] == ascii(" ") { endPosition -= 1 }
    }

    /// The first non-space character after `index`, or a space when there is none.
    func nextSignificantChar(after index: Int) -> UInt16 {
        var read = index + 1
        while inBounds(read), units[read] == ascii(" ") { read += 1 }
        return inBounds(read) ? units[read] : ascii(" ")
    }

    func nextSignificantChar() -> UInt16 { nextSignificantChar(after: position) }

    func nextSignificantCharIs(_ unit: UInt16, after index: Int) -> Bool {
        var read = index + 1
        while inBounds(read), units[read] == ascii(" ") { read += 1 }
        return inBounds(read) && units[read] == unit
    }

    func nextSignificantCharIs(_ unit: UInt16) -> Bool { nextSignificantCharIs(unit, after: position) }

    /// The index of `unit` when it is the next non-space character after `index`, else -1.
    func indexOfNextSignificantChar(after index: Int, _ unit: UInt16) throws(JSONPathError) -> Int {
        var read = index + 1
        while inBounds(read), units[read] == ascii(" ") { read += 1 }
        return try absoluteChar(read) == unit ? read : -1
    }

    /// Whether the `(` at `index` is balanced by the end of the path.
    func parenthesesClose(after index: Int) -> Bool {
        var open = 1
        var read = index + 1
        while read < length {
            if units[read] == ascii(")") { open -= 1 } else if units[read] == ascii("(") { open += 1 }
            if open == 0 { return true }
            read += 1
        }
        return false
    }

    func nextIndexOf(_ unit: UInt16, from start: Int) -> Int {
        var read = start
        while inBounds(read) {
            if units[read] == unit { return read }
            read += 1
        }
        return -1
    }
}


/// The UTF-16 code unit of an ASCII character.
private func ascii(_ character: Unicode.Scalar) -> UInt16 { UInt16(character.value) }
