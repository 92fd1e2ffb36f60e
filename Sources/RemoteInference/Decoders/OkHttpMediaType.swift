/// The type and subtype of a `Content-Type` value as OkHttp 4.12's `MediaType.toMediaTypeOrNull()` reads
/// them: nil when OkHttp would reject the value (it then treats the body as not an event stream).
struct OkHttpMediaType: Sendable, Hashable {
    /// The media type, lower-cased (`text`).
    let type: String
    /// The subtype, lower-cased (`event-stream`).
    let subtype: String

    /// Parses `value` after trimming it as OkHttp's `Headers` does.
    init?(_ value: String) {
        var scalars = Substring(value).unicodeScalars
        while let first = scalars.first, Self.isTrimmed(first) { scalars.removeFirst() }
        while let last = scalars.last, Self.isTrimmed(last) { scalars.removeLast() }
        guard let type = Self.token(&scalars), scalars.first == "/" else { return nil }
        scalars.removeFirst()
        guard let subtype = Self.token(&scalars), Self.skipParameters(&scalars) else { return nil }
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
    }

    /// `(;\s*(?:TOKEN=(?:TOKEN|"[^"]*"))?)*` up to the end; false if anything else follows.
    private static func skipParameters(_ scalars: inout Substring.UnicodeScalarView) -> Bool {
        while let first = scalars.first {
            guard first == ";" else { return false }
            scalars.removeFirst()
            // Java's `\s`: space, tab, line feed, vertical tab, form feed, carriage return.
            while let next = scalars.first, " \t\n\u{0B}\u{0C}\r".unicodeScalars.contains(next) {
                scalars.removeFirst()
            }
            // The name=value part is optional: a partial match leaves the position unchanged.
            var attempt = scalars
            guard token(&attempt) != nil, attempt.first == "=" else { continue }
            attempt.removeFirst()
            if attempt.first == "\"" {
                attempt.removeFirst()
                guard let close = attempt.firstIndex(of: "\"") else { continue }
                attempt = attempt[attempt.index(after: close)...]
            } else if token(&attempt) == nil {
                continue
            }
            scalars = attempt
        }
        return true
    }

    private static func token(_ scalars: inout Substring.UnicodeScalarView) -> String? {
        let end = scalars.firstIndex { !isTokenScalar($0) } ?? scalars.endIndex
        guard end > scalars.startIndex else { return nil }
        let token = String(Substring(scalars[..<end]))
        scalars = scalars[end...]
        return token
    }

    private static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return "-!#$%&'*+.^_`{|}~".unicodeScalars.contains(scalar)
        }
    }

    /// Kotlin's `trim()` on header values: every character up to U+0020.
    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool { scalar.value <= 0x20 }
}
