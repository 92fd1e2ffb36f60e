import MLCommonsCore

/// A `_cat` table as `RestTable` prints it: padded text columns (`?v` adds the header line) or, with
/// `?format=json`, an array of objects with string values.
struct CatTable: Sendable {
    struct Column: Sendable {
        let name: String
        /// `text-align:right` in the column's attributes.
        let rightAligned: Bool
    }

    let columns: [Column]
    var rows: [[String?]] = []

    /// `RestTable.buildTextPlainResponse`: cells padded to the column width and joined by one space; a
    /// left-aligned last cell is not padded.
    func text(verbose: Bool) -> String {
        let widths = columns.indices.map { column in
            rows.map { $0[column]?.count ?? 0 }.reduce(verbose ? columns[column].name.count : 0, max)
        }
        var out = ""
        func line(_ cells: [String?]) {
            for (column, cell) in cells.enumerated() {
                let isLast = column == columns.count - 1
                let value = cell ?? ""
                let padding = String(repeating: " ", count: max(0, widths[column] - value.count))
                if columns[column].rightAligned && !padding.isEmpty {
                    out += padding + value
                } else {
                    out += value + (isLast ? "" : padding)
                }
                if !isLast { out += " " }
            }
            out += "\n"
        }
        if verbose { line(columns.map(\.name)) }
        rows.forEach(line)
        return out
    }

    /// `RestTable.buildXContentBuilder`: one object per row, every value rendered as a string.
    var json: JSONValue {
        .array(rows.map { row in
            .object(JSONObject(zip(columns, row).map { ($0.name, $1.map(JSONValue.string) ?? .null) }))
        })
    }
}
