/// The text of an HTML page as jsoup's `Element.text()` gives it for the page's `<body>`: text nodes in order,
/// block elements and `<br>` set apart by a space, scripts, styles and comments left out, character references
/// decoded, whitespace runs collapsed to one space and the ends trimmed.
public struct HTMLText: Sendable {
    /// The body's text.
    public let body: String
    /// The text of `<title>` elements inside the body (jsoup's `body.select("title").text()`; a `<head>` title is not
    /// in the body, so this is usually empty).
    public let titleInBody: String
    /// The whole document in lower case, for marker checks.
    public let lowercasedHTML: String

    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "title", "option", "legend",
    ]
    static let skippedTags: Set<String> = ["script", "style", "noscript", "template", "head"]

    public init(html: String) {
        lowercasedHTML = html.lowercased()
        var body = ""
        var title = ""
        var inTitle = 0
        // A document without `<body>` has everything but its head in the body.
        let characters = Array(html)
        var index = 0
        var text = ""
        func flush() {
            guard !text.isEmpty else { return }
            let decoded = Self.decodeReferences(text)
            body += decoded
            if inTitle > 0 { title += decoded }
            text = ""
        }
        while index < characters.count {
            let character = characters[index]
            guard character == "<" else {
                text.append(character)
                index += 1
                continue
            }
            flush()
            if characters[index...].starts(with: "<!--") {
                index = Self.index(after: "-->", in: characters, from: index + 4)
                continue
            }
            let close = characters[index...].firstIndex(of: ">") ?? characters.count
            let tag = String(characters[(index + 1)..<close])
            index = min(close + 1, characters.count)
            let isEnd = tag.hasPrefix("/")
            let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
            if name == "body", !isEnd {
                body = ""
                title = ""
                continue
            }
            if !isEnd, Self.skippedTags.contains(name), !tag.hasSuffix("/") {
                // Skip to the matching end tag.
                let end = "</" + name
                var scan = index
                while scan < characters.count {
                    if characters[scan] == "<", String(characters[scan..<min(scan + end.count, characters.count)]).lowercased() == end {
                        break
                    }
                    scan += 1
                }
                index = min((characters[scan...].firstIndex(of: ">") ?? characters.count) + 1, characters.count)
                continue
            }
            if name == "title" { inTitle += isEnd ? -1 : 1; inTitle = max(inTitle, 0) }
            if Self.blockTags.contains(name) { body += " " }
        }
        flush()
        self.body = Self.normalized(body)
        self.titleInBody = Self.normalized(title)
    }

    private static func index(after marker: String, in characters: [Character], from start: Int) -> Int {
        let pattern = Array(marker)
        var index = start
        while index + pattern.count <= characters.count {
            if Array(characters[index..<(index + pattern.count)]) == pattern { return index + pattern.count }
            index += 1
        }
        return characters.count
    }

    /// Whitespace runs (including non-breaking spaces jsoup treats as whitespace) as one space, trimmed.
    static func normalized(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }

    static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "copy": "©", "reg": "®",
        "mdash": "—", "ndash": "–", "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    ]

    /// `&name;`, `&#NN;` and `&#xHH;` decoded; anything else left as written.
    public static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";") {
                let name = after[..<semicolon]
                var decoded: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    decoded = namedReferences[String(name)]
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }
}
