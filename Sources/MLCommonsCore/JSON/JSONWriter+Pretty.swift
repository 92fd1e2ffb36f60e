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
        let indent = String(repeating: "  ", count: level + 1)
        let closingIndent = String(repeating: "  ", count: level)
        switch value {
        case .array(let elements):
            guard !elements.isEmpty else { out += "[ ]"; return }
            out += "["
            for (offset, element) in elements.enumerated() {
                out += offset == 0 ? "\n" : ",\n"
                out += indent
                writePretty(element, level: level + 1, into: &out)
            }
            out += "\n" + closingIndent + "]"
        case .object(let object):
            guard !object.isEmpty else { out += "{ }"; return }
            out += "{"
            var first = true
            for (key, member) in object {
                out += first ? "\n" : ",\n"
                first = false
                out += indent
                writeString(key, into: &out)
                out += " : "
                writePretty(member, level: level + 1, into: &out)
            }
            out += "\n" + closingIndent + "}"
        default:
            write(value, into: &out)
        }
    }
}
