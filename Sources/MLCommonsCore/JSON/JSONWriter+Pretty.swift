extension JSONWriter {
    /// Text as OpenSearch writes it for `?pretty`: Jackson's default pretty printer with two-space
    /// indents, `" : "` separators, `{ }` / `[ ]` for empty containers and a final line feed.
    public func prettyString(_ value: JSONValue) -> String {
        var out = ""
        var lineBreaks = PrettyLineBreaks()
        writePretty(value, level: 0, lineBreaks: &lineBreaks, into: &out)
        out += "\n"
        return out
    }

    private func writePretty(_ value: JSONValue, level: Int, lineBreaks: inout PrettyLineBreaks, into out: inout String) {
        switch value {
        case .array(let elements):
            guard !elements.isEmpty else { out += "[ ]"; return }
            out += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { out += "," }
                out += lineBreaks[level + 1]
                writePretty(element, level: level + 1, lineBreaks: &lineBreaks, into: &out)
            }
            out += lineBreaks[level]
            out += "]"
        case .object(let object):
            guard !object.isEmpty else { out += "{ }"; return }
            out += "{"
            var first = true
            for (key, member) in object {
                if !first { out += "," }
                first = false
                out += lineBreaks[level + 1]
                writeString(key, into: &out)
                out += " : "
                writePretty(member, level: level + 1, lineBreaks: &lineBreaks, into: &out)
            }
            out += lineBreaks[level]
            out += "}"
        default:
            write(value, into: &out)
        }
    }
}

/// A line feed and each level's two-space indent, built once per level: a large array writes one of them per
/// element.
private struct PrettyLineBreaks {
    private var byLevel: [String] = []

    subscript(level: Int) -> String {
        mutating get {
            while byLevel.count <= level { byLevel.append("\n" + String(repeating: "  ", count: byLevel.count)) }
            return byLevel[level]
        }
    }
}
