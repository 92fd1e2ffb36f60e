extension LinearRegex.Parser {
    /// The escape at the current `\`, as Java's `escape` reads it. `rangeBound` makes `\v` the single
    /// character VT, as Java reads it at either end of a range.
    mutating func parseEscape(
        inClass: Bool, rangeBound: Bool = false
    ) throws(LinearRegexError) -> LinearRegex.Escape {
        let start = tokens[position].offset
        position += 1
        guard let token = peek() else { throw .syntax("Unescaped trailing backslash", at: start) }
        position += 1
        let illegal = LinearRegexError.syntax("Illegal/unsupported escape sequence", at: token.offset)
        let backreference = LinearRegexError.unsupported(
            "backreferences are not supported: the pattern must be a regular language", at: start)
        switch token.scalar {
        case "0":
            return .scalar(try parseOctal(start: start))
        case "1"..."9":
            throw inClass ? illegal : backreference
        case "k":
            if inClass { throw illegal }
            guard peekIs("<") else {
                throw .syntax("\\k is not followed by '<' for named capturing group", at: token.offset)
            }
            throw backreference
        case "A", "z", "Z", "B", "b":
            if inClass { throw illegal }
            return .assertion(try parseAssertionEscape(token.scalar, start: start))
        case "G", "R", "X":
            if inClass { throw illegal }
            throw Self.unsupportedEscape(token.scalar, at: start)
        case "N":
            throw Self.unsupportedEscape(token.scalar, at: start)
        case "d": return .set(.asciiDigit)
        case "D": return .set(.complement(.asciiDigit))
        case "s": return .set(.asciiSpace)
        case "S": return .set(.complement(.asciiSpace))
        case "w": return .set(.asciiWord)
        case "W": return .set(.complement(.asciiWord))
        case "h": return .set(.horizontalSpace)
        case "H": return .set(.complement(.horizontalSpace))
        case "v": return rangeBound ? .scalar(0x0B) : .set(.verticalSpace)
        case "V": return .set(.complement(.verticalSpace))
        case "p", "P": return .set(try parseProperty(complement: token.scalar == "P", start: start))
        case "a": return .scalar(0x07)
        case "e": return .scalar(0x1B)
        case "f": return .scalar(0x0C)
        case "n": return .scalar(0x0A)
        case "r": return .scalar(0x0D)
        case "t": return .scalar(0x09)
        case "c":
            guard let control = peek() else { throw .syntax("Illegal control escape sequence", at: token.offset) }
            position += 1
            return .scalar(control.scalar.value ^ 0x40)
        case "u":
            return .scalar(try parseUnicodeEscape())
        case "x":
            return .scalar(try parseHexEscape())
        default:
            // Java reserves every other ASCII letter; any other escaped character stands for itself.
            if Self.isASCIILetter(token.scalar) { throw illegal }
            return .scalar(token.scalar.value)
        }
    }

    private mutating func parseAssertionEscape(
        _ letter: Unicode.Scalar, start: Int
    ) throws(LinearRegexError) -> LinearRegex.Assertion {
        switch letter {
        case "A": return .textStart
        case "z": return .textEnd
        case "Z": return .lineEnd(multiline: false, unixLines: flags.contains(.unixLines))
        case "B": return .wordBoundary(negated: true)
        default:
            if peekIs("{"), peekIs("g", 1), peekIs("}", 2) {
                throw .unsupported("\\b{g} (grapheme cluster boundary) is not supported", at: start)
            }
            return .wordBoundary(negated: false)
        }
    }

    private static func unsupportedEscape(_ letter: Unicode.Scalar, at start: Int) -> LinearRegexError {
        switch letter {
        case "G":
            return .unsupported("\\G (end of the previous match) is not supported: anchor with ^ or \\A", at: start)
        case "R":
            return .unsupported(
                "\\R (linebreak) is not supported: use (?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029])", at: start)
        case "X":
            return .unsupported("\\X (grapheme cluster) is not supported", at: start)
        default:
            return .unsupported("\\N{name} is not supported: write the character or \\x{h...h}", at: start)
        }
    }

    /// `\0n`, `\0nn`, `\0mnn` (m ≤ 3).
    private mutating func parseOctal(start: Int) throws(LinearRegexError) -> UInt32 {
        guard let first = octalDigit(at: 0) else { throw .syntax("Illegal octal escape sequence", at: start) }
        position += 1
        guard let second = octalDigit(at: 0) else { return first }
        position += 1
        if first <= 3, let third = octalDigit(at: 0) {
            position += 1
            return first * 64 + second * 8 + third
        }
        return first * 8 + second
    }

    /// `\xhh` or `\x{h…h}`.
    private mutating func parseHexEscape() throws(LinearRegexError) -> UInt32 {
        let offset = currentOffset
        if let high = hexDigit(at: 0) {
            guard let low = hexDigit(at: 1) else { throw .syntax("Illegal hexadecimal escape sequence", at: offset) }
            position += 2
            return high * 16 + low
        }
        guard peekIs("{"), hexDigit(at: 1) != nil else {
            throw .syntax("Illegal hexadecimal escape sequence", at: offset)
        }
        position += 1
        var value: UInt32 = 0
        while let digit = hexDigit(at: 0) {
            position += 1
            value = value * 16 + digit
            if value > 0x10FFFF { throw .syntax("Hexadecimal codepoint is too big", at: currentOffset) }
        }
        guard peekIs("}") else { throw .syntax("Unclosed hexadecimal escape sequence", at: currentOffset) }
        position += 1
        return value
    }

    /// `\uhhhh`, joining an escaped UTF-16 surrogate pair into one scalar as Java does.
    private mutating func parseUnicodeEscape() throws(LinearRegexError) -> UInt32 {
        let value = try parseFourHexDigits()
        if (0xD800...0xDBFF).contains(value), peekIs("\\"), peekIs("u", 1) {
            let saved = position
            position += 2
            if let low = try? parseFourHexDigits(), (0xDC00...0xDFFF).contains(low) {
                return 0x10000 + (value - 0xD800) << 10 + (low - 0xDC00)
            }
            position = saved
        }
        return value
    }

    private mutating func parseFourHexDigits() throws(LinearRegexError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = hexDigit(at: 0) else {
                throw .syntax("Illegal Unicode escape sequence", at: currentOffset)
            }
            position += 1
            value = value * 16 + digit
        }
        return value
    }

    /// `\p{Name}`, `\pL`, and their complements `\P…`, after the `p` or `P`.
    private mutating func parseProperty(
        complement: Bool, start: Int
    ) throws(LinearRegexError) -> LinearRegex.ScalarSet {
        var name = ""
        if peekIs("{") {
            position += 1
            while true {
                guard let token = peek() else { throw .syntax("Unclosed character family", at: patternLength) }
                position += 1
                if token.isSyntax("}") { break }
                name.unicodeScalars.append(token.scalar)
            }
            if name.isEmpty { throw .syntax("Empty character family", at: currentOffset - 1) }
        } else {
            guard let token = peek() else { throw .syntax("Unknown character property name {}", at: patternLength) }
            position += 1
            name.unicodeScalars.append(token.scalar)
        }
        let caseInsensitive = flags.contains(.caseInsensitive)
        guard let set = LinearRegex.ScalarSet.property(named: name, caseInsensitive: caseInsensitive) else {
            throw Self.unknownProperty(name, at: start)
        }
        return complement ? .complement(set) : set
    }

    private static let javaPropertyNames: Set<String> = [
        "javaLowerCase", "javaUpperCase", "javaTitleCase", "javaAlphabetic", "javaIdeographic", "javaDigit",
        "javaDefined", "javaLetter", "javaLetterOrDigit", "javaJavaIdentifierStart", "javaJavaIdentifierPart",
        "javaUnicodeIdentifierStart", "javaUnicodeIdentifierPart", "javaIdentifierIgnorable", "javaSpaceChar",
        "javaWhitespace", "javaISOControl", "javaMirrored",
    ]

    /// Unsupported for the names Java knows (scripts, blocks, `java…` methods), Java's own error otherwise.
    private static func unknownProperty(_ name: String, at offset: Int) -> LinearRegexError {
        let unsupported = LinearRegexError.unsupported(
            "the character property \\p{\(name)} is not supported: use a general category such as \\p{L} "
                + "or \\p{Lu}, or a POSIX class such as \\p{Alpha}", at: offset)
        if let equals = name.firstIndex(of: "=") {
            let key = name[..<equals].lowercased()
            if ["sc", "script", "blk", "block"].contains(key) { return unsupported }
            let value = name[name.index(after: equals)...]
            return .syntax("Unknown Unicode property {name=<\(key)>, value=<\(value)>}", at: offset)
        }
        if name.hasPrefix("In") || name.hasPrefix("Is") || javaPropertyNames.contains(name) { return unsupported }
        return .syntax("Unknown character property name {\(name)}", at: offset)
    }

    private func octalDigit(at ahead: Int) -> UInt32? {
        guard let digit = decimalDigit(at: ahead), digit < 8 else { return nil }
        return digit
    }

    private func hexDigit(at ahead: Int) -> UInt32? {
        guard let token = peek(ahead), !token.quoted else { return nil }
        switch token.scalar {
        case "0"..."9": return token.scalar.value - 0x30
        case "a"..."f": return token.scalar.value - 0x61 + 10
        case "A"..."F": return token.scalar.value - 0x41 + 10
        default: return nil
        }
    }
}
