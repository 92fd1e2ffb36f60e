/// Reads JSON text into ``JSONValue`` with the leniency and strictness of OpenSearch's XContent
/// parser: comments allowed, duplicate keys rejected, nesting bounded.
public struct JSONParser {
    /// Jackson's default `StreamReadConstraints.maxNestingDepth`.
    public static let maxNestingDepth = 1000

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    /// The last column computed and where: columns are counted forward from there, never from the line
    /// start again, so a long line costs linear time however many positions are asked for.
    private var columnMark = (index: 0, column: 1)

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON value; trailing non-space content is an error, as in Jackson's strict mode.
    public static func parse(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: Array(bytes))
        try parser.skipWhitespace()
        guard parser.index < parser.bytes.count else {
            throw parser.error("No content to map due to end-of-input")
        }
        let value = try parser.parseValue()
        try parser.skipWhitespace()
        if parser.index < parser.bytes.count {
            let byte = parser.bytes[parser.index]
            throw parser.error(
                "Unexpected character (\(describe(byte))): expected end-of-input after top-level value")
        }
        return value
    }

    /// Parses UTF-8 text.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw error("Unexpected end-of-input: expected a value") }
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString(context: "a string value"))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"): return try parseLiteral()
        case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ":"):
            throw error("Unexpected character (\(Self.describe(byte))): expected a value")
        default:
            if Self.isTokenByte(byte) { throw unrecognizedToken() }
            throw error("Unexpected character (\(Self.describe(byte))): expected a valid value "
                + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')")
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        index += 1
        var object = JSONObject()
        try skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(object)
        }
        while true {
            try skipWhitespace()
            guard let byte = peek else { throw endOfInput(container: "Object") }
            guard byte == UInt8(ascii: "\"") else {
                throw error("Unexpected character (\(Self.describe(byte))): was expecting double-quote to start field name")
            }
            let key = try parseString(context: "field name")
            if object.contains(key) { throw error("Duplicate field '\(key)'") }
            try skipWhitespace()
            guard let colon = peek else { throw endOfInput(container: "Object") }
            guard colon == UInt8(ascii: ":") else {
                throw error("Unexpected character (\(Self.describe(colon))): was expecting a colon to separate field name and value")
            }
            index += 1
            try skipWhitespace()
            guard peek != nil else { throw endOfInput(container: "Object") }
            object[key] = try parseValue()
            try skipWhitespace()
            guard let separator = peek else { throw endOfInput(container: "Object") }
            index += 1
            if separator == UInt8(ascii: "}") { break }
            guard separator == UInt8(ascii: ",") else {
                index -= 1
                throw error("Unexpected character (\(Self.describe(separator))): was expecting comma to separate Object entries")
            }
        }
        depth -= 1
        return .object(object)
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enterContainer()
        index += 1
        var elements: [JSONValue] = []
        try skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            try skipWhitespace()
            guard peek != nil else { throw endOfInput(container: "Array") }
            elements.append(try parseValue())
            try skipWhitespace()
            guard let separator = peek else { throw endOfInput(container: "Array") }
            index += 1
            if separator == UInt8(ascii: "]") { break }
            guard separator == UInt8(ascii: ",") else {
                index -= 1
                throw error("Unexpected character (\(Self.describe(separator))): was expecting comma to separate Array entries")
            }
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > Self.maxNestingDepth {
            throw error("Document nesting depth (\(depth)) exceeds the maximum allowed (\(Self.maxNestingDepth), "
                + "from `StreamReadConstraints.getMaxNestingDepth()`)")
        }
    }

    private mutating func parseString(context: String) throws(JSONParseError) -> String {
        index += 1
        // Most strings have no escape: decode them straight from the input.
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        var utf8 = Array(bytes[start..<index])
        while true {
            guard index < bytes.count else {
                throw JSONParseError(
                    message: context == "field name"
                        ? "Unexpected end-of-input in field name"
                        : "Unexpected end-of-input: was expecting closing quote for a string value",
                    line: line, column: column(), isEndOfInput: true)
            }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &utf8)
            case 0..<0x20:
                index -= 1
                throw error("Illegal unquoted character ((CTRL-CHAR, code \(byte))): has to be escaped using "
                    + "backslash to be included in \(context)")
            default:
                utf8.append(byte)
            }
        }
    }

    private mutating func parseEscape(into utf8: inout [UInt8]) throws(JSONParseError) {
        guard index < bytes.count else {
            throw error("Unexpected end-of-input in character escape sequence")
        }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800..<0xDC00).contains(scalar), bytes.count >= index + 6,
                bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            {
                let save = index
                index += 2
                let low = try parseHex4()
                if (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    index = save
                }
            }
            // Lone surrogates cannot be represented in a Swift String; they become U+FFFD.
            let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            utf8.append(contentsOf: Array(String(Character(character)).utf8))
        default:
            index -= 1
            throw error("Unrecognized character escape \(Self.describe(byte))")
        }
    }

    private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw error("Unexpected end-of-input in character escape sequence") }
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default:
                throw error("Unexpected character (\(Self.describe(byte))): expected a hex-digit for character escape sequence")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = index
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            guard let next = peek, Self.isDigit(next) else {
                if let next = peek {
                    throw error("Unexpected character (\(Self.describe(next))) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value")
                }
                throw error("Unexpected end-of-input in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value")
            }
        }
        if bytes[index] == UInt8(ascii: "0"), index + 1 < bytes.count, Self.isDigit(bytes[index + 1]) {
            throw error("Invalid numeric value: Leading zeroes not allowed")
        }
        while let byte = peek, Self.isDigit(byte) { index += 1 }
        var isInteger = true
        if peek == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let byte = peek, Self.isDigit(byte) else {
                throw error("Unexpected character (\(peek.map(Self.describe) ?? "EOF")) in numeric value: Decimal point not followed by a digit")
            }
            while let byte = peek, Self.isDigit(byte) { index += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let byte = peek, Self.isDigit(byte) else {
                throw error("Unexpected character (\(peek.map(Self.describe) ?? "EOF")) in numeric value: Exponent indicator not followed by a digit")
            }
            while let byte = peek, Self.isDigit(byte) { index += 1 }
        }
        if let byte = peek, Self.isTokenByte(byte) {
            throw error("Unexpected character (\(Self.describe(byte))): Expected space separating root-level values")
        }
        // Only a number that can leave an `int`'s range is ever reported with its position; a short
        // integer skips the column count.
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard index - start >= 10 || !isInteger else { return JSONNumber(text: text) }
        return JSONNumber(text: text, end: JSONSourcePosition(line: line, column: column()))
    }

    private static let literals: [(word: [UInt8], value: JSONValue)] = [
        (Array("true".utf8), .bool(true)), (Array("false".utf8), .bool(false)), (Array("null".utf8), .null),
    ]

    private mutating func parseLiteral() throws(JSONParseError) -> JSONValue {
        for (word, value) in Self.literals {
            let end = index + word.count
            if end <= bytes.count, bytes[index..<end].elementsEqual(word), !(end < bytes.count && Self.isTokenByte(bytes[end])) {
                index = end
                return value
            }
        }
        throw unrecognizedToken()
    }

    // MARK: - Whitespace and comments

    private mutating func skipWhitespace() throws(JSONParseError) {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            case UInt8(ascii: "/"):
                try skipComment()
            default:
                return
            }
        }
    }

    private mutating func skipComment() throws(JSONParseError) {
        guard index + 1 < bytes.count else {
            index += 1
            throw error("Unexpected end-of-input in a comment")
        }
        switch bytes[index + 1] {
        case UInt8(ascii: "/"):
            index += 2
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        case UInt8(ascii: "*"):
            index += 2
            while true {
                guard index + 1 < bytes.count else {
                    index = bytes.count
                    throw error("Unexpected end-of-input in a comment")
                }
                if bytes[index] == UInt8(ascii: "*"), bytes[index + 1] == UInt8(ascii: "/") {
                    index += 2
                    return
                }
                if bytes[index] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
        default:
            index += 1
            throw error("Unexpected character (\(Self.describe(bytes[index]))): was expecting either '*' or '/' for a comment")
        }
    }

    // MARK: - Errors

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The column of `index`; positions are asked for in increasing order, so the count resumes at the mark.
    private mutating func column() -> Int {
        let end = min(index, bytes.count)
        if columnMark.index < lineStart || columnMark.index > end { columnMark = (lineStart, 1) }
        // Jackson counts characters, not bytes; UTF-8 continuation bytes do not advance the column.
        let counted = bytes[columnMark.index..<end].reduce(columnMark.column) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        columnMark = (end, counted)
        return counted
    }

    private mutating func error(_ message: String) -> JSONParseError {
        JSONParseError(message: message, line: line, column: column())
    }

    private mutating func endOfInput(container: String) -> JSONParseError {
        JSONParseError(
            message: "Unexpected end-of-input within/between \(container) entries", line: line, column: column(),
            isEndOfInput: true)
    }

    private mutating func unrecognizedToken() -> JSONParseError {
        let start = index
        while let byte = peek, Self.isTokenByte(byte) { index += 1 }
        let token = String(decoding: bytes[start..<index], as: UTF8.self)
        // Jackson reports the column after the character that ended the token.
        if index < bytes.count { index += 1 }
        return error("Unrecognized token '\(token)': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), 0x80...:
            return true
        default:
            return false
        }
    }

    /// Jackson's `'c' (code N)` rendering of an offending character.
    static func describe(_ byte: UInt8) -> String {
        if byte < 0x20 { return "CTRL-CHAR, code \(byte)" }
        return "'\(Character(Unicode.Scalar(byte)))' (code \(byte))"
    }
}
