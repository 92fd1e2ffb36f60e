/// The three regular expressions ml-commons runs over templates, matched by hand with Java's `find()`
/// semantics (leftmost match, scanning resumes after it).
enum PlaceholderScanner {
    private static let parametersPrefix = Array("${parameters.".unicodeScalars)
    private static let quotedParametersPrefix = Array("\"${parameters.".unicodeScalars)
    private static let nullDefaultSuffix = Array(":-null}\"".unicodeScalars)
    private static let toStringSuffix = Array(".toString()}".unicodeScalars)

    /// `"\$\{parameters\.(\w+):-null}"` (`HttpConnector.findStringParametersWithNullDefaultValue`): the text
    /// with every `"${parameters.x:-null}"` whose `x` is `missing` turned into a bare `null`, in one
    /// pass: the placeholders cannot overlap, so this equals one `replaceAll` per key.
    static func replacingNullDefaults(in text: String, missing: (String) -> Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var copied = 0
        var index = 0
        while index < scalars.count {
            guard matches(quotedParametersPrefix, in: scalars, at: index) else {
                index += 1
                continue
            }
            let nameStart = index + quotedParametersPrefix.count
            var nameEnd = nameStart
            while nameEnd < scalars.count, isJavaWordCharacter(scalars[nameEnd]) { nameEnd += 1 }
            guard nameEnd > nameStart, matches(nullDefaultSuffix, in: scalars, at: nameEnd),
                missing(string(scalars[nameStart..<nameEnd]))
            else {
                index += 1
                continue
            }
            out.append(contentsOf: scalars[copied..<index])
            out.append(contentsOf: "null".unicodeScalars)
            index = nameEnd + nullDefaultSuffix.count
            copied = index
        }
        guard copied > 0 else { return text }
        out.append(contentsOf: scalars[copied...])
        return String(out)
    }

    /// `\$\{parameters\.(.+?)\.toString\(\)\}` (`StringUtils.collectToStringPrefixes`); the lazy group may
    /// run across other placeholders but not across a line break.
    static func toStringPrefixes(in text: String) -> [String] {
        // Most values hold no placeholder at all: a byte search rules that out before the scalar scan.
        guard containsPlaceholderStart(text) else { return [] }
        let scalars = Array(text.unicodeScalars)
        // The next suffix and the next line break from each position, found once from the right, so each
        // placeholder's lazy group is resolved in constant time (a regex would rescan the line each time).
        var nextSuffix = [Int](repeating: Int.max, count: scalars.count + 2)
        var nextBreak = [Int](repeating: Int.max, count: scalars.count + 2)
        for index in stride(from: scalars.count - 1, through: 0, by: -1) {
            nextSuffix[index] = matches(toStringSuffix, in: scalars, at: index) ? index : nextSuffix[index + 1]
            nextBreak[index] = isLineTerminator(scalars[index]) ? index : nextBreak[index + 1]
        }
        var prefixes: [String] = []
        var index = 0
        while index < scalars.count {
            guard matches(parametersPrefix, in: scalars, at: index) else {
                index += 1
                continue
            }
            let groupStart = index + parametersPrefix.count
            // The group holds at least one character and no line break.
            let groupEnd = groupStart + 1 <= scalars.count ? nextSuffix[groupStart + 1] : Int.max
            if groupEnd != Int.max, nextBreak[groupStart] >= groupEnd {
                prefixes.append(string(scalars[groupStart..<groupEnd]))
                index = groupEnd + toStringSuffix.count
            } else {
                index += 1
            }
        }
        return prefixes
    }

    /// Whether `${parameters.` occurs in `text`.
    static func containsPlaceholderStart(_ text: String) -> Bool { contains("${parameters.", in: text) }

    /// Whether `needle` (at least two bytes) occurs in `text` byte for byte, as Java's `String.contains` compares
    /// (Foundation's `contains` compares characters, and took longer than rendering the payload).
    static func contains(_ needle: StaticString, in text: String) -> Bool {
        let needle = Array(UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            var index = 0
            while index <= bytes.count - needle.count {
                if bytes[index] == needle[0], bytes[index + 1] == needle[1] {
                    var offset = 2
                    while offset < needle.count, bytes[index + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// `\$\{parameters\.([^}]+)}` (`Connector.validatePayload`).
    static func unfilledParameterNames(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        // The next `}` from each position, so an unclosed placeholder does not rescan the rest of the text.
        var nextBrace = [Int](repeating: scalars.count, count: scalars.count + 1)
        for index in stride(from: scalars.count - 1, through: 0, by: -1) {
            nextBrace[index] = scalars[index] == "}" ? index : nextBrace[index + 1]
        }
        var names: [String] = []
        var index = 0
        while index < scalars.count {
            guard matches(parametersPrefix, in: scalars, at: index) else {
                index += 1
                continue
            }
            let nameStart = index + parametersPrefix.count
            let nameEnd = nextBrace[min(nameStart, scalars.count)]
            if nameEnd > nameStart, nameEnd < scalars.count {
                names.append(string(scalars[nameStart..<nameEnd]))
                index = nameEnd + 1
            } else {
                index += 1
            }
        }
        return names
    }

    private static func matches(_ pattern: [Unicode.Scalar], in scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + pattern.count <= scalars.count else { return false }
        for (offset, scalar) in pattern.enumerated() where scalars[index + offset] != scalar { return false }
        return true
    }

    /// Java's `\w` without `UNICODE_CHARACTER_CLASS`.
    private static func isJavaWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_": return true
        default: return false
        }
    }

    /// The characters Java's `.` does not match.
    private static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": return true
        default: return false
        }
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
