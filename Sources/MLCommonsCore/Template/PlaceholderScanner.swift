/// The three regular expressions ml-commons runs over templates, matched by hand with Java's `find()`
/// semantics (leftmost match, scanning resumes after it).
enum PlaceholderScanner {
    private static let parametersPrefix = Array("${parameters.".unicodeScalars)
    private static let quotedParametersPrefix = Array("\"${parameters.".unicodeScalars)
    private static let nullDefaultSuffix = Array(":-null}\"".unicodeScalars)
    private static let toStringSuffix = Array(".toString()}".unicodeScalars)

    /// `"\$\{parameters\.(\w+):-null}"` (`HttpConnector.findStringParametersWithNullDefaultValue`).
    static func nullDefaultKeys(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var keys: [String] = []
        var index = 0
        while index < scalars.count {
            guard matches(quotedParametersPrefix, in: scalars, at: index) else {
                index += 1
                continue
            }
            let nameStart = index + quotedParametersPrefix.count
            var nameEnd = nameStart
            while nameEnd < scalars.count, isJavaWordCharacter(scalars[nameEnd]) { nameEnd += 1 }
            if nameEnd > nameStart, matches(nullDefaultSuffix, in: scalars, at: nameEnd) {
                keys.append(string(scalars[nameStart..<nameEnd]))
                index = nameEnd + nullDefaultSuffix.count
            } else {
                index += 1
            }
        }
        return keys
    }

    /// `\$\{parameters\.(.+?)\.toString\(\)\}` (`StringUtils.collectToStringPrefixes`); the lazy group may
    /// run across other placeholders but not across a line break.
    static func toStringPrefixes(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var prefixes: [String] = []
        var index = 0
        while index < scalars.count {
            guard matches(parametersPrefix, in: scalars, at: index) else {
                index += 1
                continue
            }
            let groupStart = index + parametersPrefix.count
            var groupEnd = groupStart + 1
            var found = false
            while groupEnd <= scalars.count, !isLineTerminator(scalars[groupEnd - 1]) {
                if matches(toStringSuffix, in: scalars, at: groupEnd) {
                    found = true
                    break
                }
                groupEnd += 1
            }
            if found {
                prefixes.append(string(scalars[groupStart..<groupEnd]))
                index = groupEnd + toStringSuffix.count
            } else {
                index += 1
            }
        }
        return prefixes
    }

    /// `\$\{parameters\.([^}]+)}` (`Connector.validatePayload`).
    static func unfilledParameterNames(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var names: [String] = []
        var index = 0
        while index < scalars.count {
            guard matches(parametersPrefix, in: scalars, at: index) else {
                index += 1
                continue
            }
            let nameStart = index + parametersPrefix.count
            var nameEnd = nameStart
            while nameEnd < scalars.count, scalars[nameEnd] != "}" { nameEnd += 1 }
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
