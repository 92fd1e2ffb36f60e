import MLCommonsCore

/// ml-commons' `DefaultDataFrame`: named, typed columns and rows of cells, the input and output of the
/// built-in algorithms.
public struct DataFrame: Sendable, Hashable {
    /// A column's name and `column_type`.
    public struct Column: Sendable, Hashable {
        public let name: String
        public let type: String

        public init(name: String, type: String) {
            self.name = name
            self.type = type
        }
    }

    public var columns: [Column]
    public var rows: [[ColumnValue]]

    public init(columns: [Column], rows: [[ColumnValue]]) {
        self.columns = columns
        self.rows = rows
    }

    static let columnTypes: Set<String> = ["STRING", "SHORT", "INTEGER", "LONG", "DOUBLE", "BOOLEAN", "FLOAT", "NULL"]

    /// `DefaultDataFrame.parse`: `column_metas` and `rows`, each value's `column_type` first, then `value`.
    public init(parsing value: JSONValue) throws(OpenSearchError) {
        let fields = try RequestObject(value)
        var columns: [Column] = []
        for meta in try fields.array("column_metas") ?? [] {
            let metaFields = try RequestObject(meta)
            let type = (try metaFields.string("column_type") ?? "").uppercased()
            guard Self.columnTypes.contains(type) else {
                throw .illegalArgument("No enum constant org.opensearch.ml.common.dataframe.ColumnType.\(type)")
            }
            columns.append(Column(name: try metaFields.string("name") ?? "", type: type))
        }
        var rows: [[ColumnValue]] = []
        for row in try fields.array("rows") ?? [] {
            var cells: [ColumnValue] = []
            for cell in try RequestObject(row).array("values") ?? [] {
                guard let object = cell.objectValue, !object.isEmpty else { continue }
                guard object.keys.first == "column_type" else {
                    throw .illegalArgument("wrong column type, expect column_type field but got \(object.keys.first ?? "")")
                }
                // `Row.parse` compares the cell's type as written; an unknown one drops the cell.
                let type = object["column_type"]?.stringValue ?? ""
                if type == "NULL" {
                    cells.append(.null)
                    continue
                }
                guard object.keys.count > 1, object.keys[1] == "value", let raw = object["value"] else {
                    throw .illegalArgument("wrong column value, expect value field but got \(object.keys.dropFirst().first ?? "")")
                }
                switch type {
                case "STRING": cells.append(.string(raw.stringValue ?? JSONWriter().string(raw)))
                case "SHORT", "INTEGER":
                    let number = try raw.numberValue.map { number throws(OpenSearchError) in try JavaInt.value(of: number) } ?? 0
                    cells.append(type == "SHORT" ? .short(number) : .integer(number))
                case "LONG":
                    let double = raw.numberValue?.doubleValue ?? 0
                    guard double.isFinite, abs(double) < 0x1p63 else {
                        throw .illegalArgument("Numeric value (\(raw.numberValue?.text ?? "")) out of range of long")
                    }
                    cells.append(.long(Int(raw.numberValue.flatMap { Int($0.text) } ?? Int(double))))
                case "DOUBLE": cells.append(.double(raw.numberValue?.doubleValue ?? 0))
                case "FLOAT": cells.append(.float(Float(raw.numberValue?.doubleValue ?? 0)))
                case "BOOLEAN": cells.append(.boolean(raw.boolValue ?? false))
                default: continue
                }
            }
            rows.append(cells)
        }
        self.init(columns: columns, rows: rows)
    }

    /// `DataFrameBuilder.load` over search hits' `_source` maps: the columns are the first map's keys in Java
    /// `HashMap` order, and every map must have the same keys with the same types.
    public static func load(_ maps: [JSONObject]) throws(OpenSearchError) -> DataFrame {
        guard let first = maps.first else { throw .illegalArgument("input is null or empty") }
        let names = JavaHashMapOrder.ordered(first.keys)
        var columns: [Column] = []
        for name in names { columns.append(Column(name: name, type: try ColumnValue(loading: first[name] ?? .null).type)) }
        var rows: [[ColumnValue]] = []
        for map in maps {
            guard map.count == columns.count else { throw .illegalArgument("input item map size is different in the map") }
            var row: [ColumnValue] = []
            for column in columns {
                guard let raw = map[column.name] else {
                    throw .illegalArgument("field of input item doesn't exist in columns, filed:\(map.keys.first { !names.contains($0) } ?? column.name)")
                }
                let cell = try ColumnValue(loading: raw)
                guard cell.type == column.type else { throw .illegalArgument("the same field has different data type") }
                row.append(cell)
            }
            rows.append(row)
        }
        return DataFrame(columns: columns, rows: rows)
    }

    /// `{"column_metas": [...], "rows": [{"values": [...]}]}`.
    public var json: JSONValue {
        [
            "column_metas": .array(columns.map { ["name": .string($0.name), "column_type": .string($0.type)] }),
            "rows": .array(rows.map { ["values": .array($0.map(\.json))] }),
        ]
    }

    /// Tribuo's view of the frame: features sorted by name (its feature map is a `TreeMap`), every cell a double.
    public func features(excluding target: String? = nil) throws(OpenSearchError) -> (names: [String], rows: [[Double]]) {
        let kept = columns.indices.filter { columns[$0].name != target }
        let order = kept.sorted { columns[$0].name.utf16.lexicographicallyPrecedes(columns[$1].name.utf16) }
        var matrix: [[Double]] = []
        for row in rows {
            guard row.count == columns.count else {
                throw .illegalArgument("names.length != values.length, names = \(columns.count), values = \(row.count)")
            }
            var values: [Double] = []
            for index in order { values.append(try row[index].doubleValue()) }
            matrix.append(values)
        }
        return (order.map { columns[$0].name }, matrix)
    }

    /// Each row's values of the given features, in their order: a feature the frame lacks counts as 0
    /// (Tribuo ignores unknown features and leaves missing ones at zero). Refuses frames none of them are in.
    public func vectors(for features: [String], missing: String) throws(OpenSearchError) -> [[Double]] {
        let indices = features.map { name in columns.firstIndex { $0.name == name } }
        guard features.isEmpty || indices.contains(where: { $0 != nil }) else { throw .illegalArgument(missing) }
        var vectors: [[Double]] = []
        for row in rows {
            guard row.count == columns.count else {
                throw .illegalArgument("names.length != values.length, names = \(columns.count), values = \(row.count)")
            }
            var vector: [Double] = []
            for index in indices {
                if let index { vector.append(try row[index].doubleValue()) } else { vector.append(0) }
            }
            vectors.append(vector)
        }
        return vectors
    }

    /// The values of one column.
    public func column(_ name: String) -> [ColumnValue]? {
        guard let index = columns.firstIndex(where: { $0.name == name }) else { return nil }
        return rows.map { index < $0.count ? $0[index] : .null }
    }
}
