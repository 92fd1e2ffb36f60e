extension JSONWriter {
    /// Text as OpenSearch writes it for `?pretty`: Jackson's default pretty printer with two-space
    /// indents, `" : "` separators, `{ }` / `[ ]` for empty containers and a final line feed.
    public func prettyString(_ value: JSONValue) -> String {
        var out = ""
        writePretty(value, level: 0, into: &out)
        out += "\n"
        return out
    }

    private func writePretty(_ value: JSONValue, level: Int, into out: inout String) {
        // Indents are written only around containers: a leaf needs none (most values are leaves).
        switch value {
        case .array(let elements):
            guard !elements.isEmpty else { out += "[ ]"; return }
            out += "["
            for (offset, element) in elements.enumerated() {
                out += offset == 0 ? "\n" : ",\n"
                Self.indent(level + 1, into: &out)
                writePretty(element, level: level + 1, into: &out)
            }
            out += "\n"
            Self.indent(level, into: &out)
            out += "]"
        case .object(let object):
            guard !object.isEmpty else { out += "{ }"; return }
            out += "{"
            var first = true
            for (key, member) in object {
                out += first ? "\n" : ",\n"
                first = false
                Self.indent(level + 1, into: &out)
                writeString(key, into: &out)
                out += " : "
                writePretty(member, level: level + 1, into: &out)
            }
            out += "\n"
            Self.indent(level, into: &out)
            out += "}"
        default:
            write(value, into: &out)
        }
    }

    /// Two spaces per level, appended without building an indent string each time.
    private static func indent(_ level: Int, into out: inout String) {
        for _ in 0..<level { out += "  " }
    }
}
