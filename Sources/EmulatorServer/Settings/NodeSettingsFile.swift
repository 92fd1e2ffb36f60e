/// The part of YAML an `opensearch.yml` uses: mappings by indentation (nested blocks or dotted keys),
/// scalar values (plain or quoted), lists as `[a, b]` or `- item` lines, `#` comments. Lists become
/// comma-separated text, as OpenSearch reads list settings.
enum NodeSettingsFile {
    static func parse(_ text: String) throws(EmulatorStartupError) -> [(String, String)] {
        var pairs: [(String, String)] = []
        // The keys of the blocks the current line sits in, with their indentation.
        var parents: [(indent: Int, key: String)] = []
        var pendingList: (key: String, items: [String], indent: Int)?
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = stripComment(String(rawLine)).replacing("\r", with: "")
            let content = line.trimmingWhitespace()
            if content.isEmpty || content == "---" { continue }
            let indent = line.prefix { $0 == " " }.count
            if content.hasPrefix("- ") || content == "-" {
                guard var list = pendingList, indent >= list.indent else {
                    throw EmulatorStartupError("config line \(offset + 1): a list item outside a list")
                }
                list.items.append(unquote(String(content.dropFirst()).trimmingWhitespace()))
                pendingList = list
                continue
            }
            if let list = pendingList {
                if !list.items.isEmpty { pairs.append((list.key, list.items.joined(separator: ","))) }
                pendingList = nil
            }
            guard let colon = content.firstIndex(of: ":") else {
                throw EmulatorStartupError("config line \(offset + 1): expected `key: value`, found `\(content)`")
            }
            while let last = parents.last, last.indent >= indent { parents.removeLast() }
            let key = (parents.map(\.key) + [unquote(String(content[..<colon]).trimmingWhitespace())]).joined(separator: ".")
            let value = String(content[content.index(after: colon)...]).trimmingWhitespace()
            if value.isEmpty {
                parents.append((indent, unquote(String(content[..<colon]).trimmingWhitespace())))
                pendingList = (key, [], indent)
            } else if value.hasPrefix("["), value.hasSuffix("]") {
                let items = value.dropFirst().dropLast().split(separator: ",").map { unquote(String($0).trimmingWhitespace()) }
                pairs.append((key, items.joined(separator: ",")))
            } else {
                pairs.append((key, unquote(value)))
            }
        }
        if let list = pendingList, !list.items.isEmpty { pairs.append((list.key, list.items.joined(separator: ","))) }
        return pairs
    }

    /// The line without a `#` comment (one outside quotes, at the start or after a space).
    private static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in line.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                return String(line.prefix(offset))
            }
            previous = character
        }
        return line
    }

    /// A quoted scalar's text: `''` is a quote in single quotes, backslash escapes work in double quotes.
    private static func unquote(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first else { return text }
        let inner = String(text.dropFirst().dropLast())
        if first == "'" { return inner.replacing("''", with: "'") }
        var out = ""
        var escaped = false
        for character in inner {
            if escaped {
                switch character {
                case "n": out.append("\n")
                case "t": out.append("\t")
                default: out.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
