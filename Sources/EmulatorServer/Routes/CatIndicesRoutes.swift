import MLCommonsCore
import MLStore

/// `GET /_cat/indices[/{index}]`: the default columns, rows in the `HashMap` order of index names.
enum CatIndicesRoutes {
    static let columns: [CatTable.Column] = [
        .init(name: "health", rightAligned: false), .init(name: "status", rightAligned: false),
        .init(name: "index", rightAligned: false), .init(name: "uuid", rightAligned: false),
        .init(name: "pri", rightAligned: true), .init(name: "rep", rightAligned: true),
        .init(name: "docs.count", rightAligned: true), .init(name: "docs.deleted", rightAligned: true),
        .init(name: "store.size", rightAligned: true), .init(name: "pri.store.size", rightAligned: true),
    ]

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        let handler: RouteTable.Handler = { request in
            let expressions = request.pathParameters["index"].map { $0.split(separator: ",").map(String.init) } ?? []
            let indices = try IndexNameExpression.resolve(expressions, in: try await emulator.documents.indices())
            let byName = Dictionary(uniqueKeysWithValues: indices.map { ($0.name, $0) })
            // `RestIndicesAction` walks the settings response collected into a `HashMap`.
            var table = CatTable(columns: columns)
            table.rows = JavaHashMapOrder.ordered(indices.map(\.name)).map { byName[$0]!.catCells }
            // `RestTable`: a format (or a single Accept media type) asks for rows as objects.
            if try ResponseRendering.format(query: request.query, headers: request.headers) != nil { return .json(table.json) }
            return RESTResponse(
                body: .text(table.text(verbose: request.flag("v")), contentType: "text/plain; charset=UTF-8"))
        }
        routes.add("GET", "/_cat/indices", query: ["v"], handler)
        routes.add("GET", "/_cat/indices/{index}", query: ["v"], handler)
    }
}
