import MLCommonsCore
import MLStore

/// `ListIndexTool`: the cluster's indices as a CSV table with a row number, in the `HashMap` order of
/// index names that ml-commons' `buildTable` iterates.
public struct ListIndexTool: AgentTool {
    public static let type = "ListIndexTool"
    public static let defaultDescription = [
        "This tool returns information about indices in the OpenSearch cluster along with the index `health`, `status`, `index`, `uuid`, `pri`, `rep`, `docs.count`, `docs.deleted`, `store.size`, `pri.store. size `, `pri.store.size`, `pri.store`.",
        "Optional arguments: 1. `indices`, a comma-delimited list of one or more indices to get information from (default is an empty list meaning all indices). Use only valid index names.",
        "2. `local`, whether to return information from the local node only instead of the cluster manager node (Default is false)",
    ].joined(separator: " ")
    public static let inputSchema = #"{"type":"object","properties":{"indices":{"type":"array","items": {"type": "string"},"description":"OpenSearch index name list, separated by comma. for example: [\"index1\", \"index2\"], use empty array [] to list all indices in the cluster"}},"additionalProperties":false}"#
    public static let strict = false
    public static var defaultAttributes: [String: String] { ["input_schema": inputSchema, "strict": String(strict)] }

    /// The CSV header: `_cat/indices` short names with their descriptions.
    public static let header = "row,health,status,index,uuid,pri(number of primary shards),rep(number of replica shards),docs.count(number of available documents),docs.deleted(number of deleted documents),store.size(store size of primary and replica shards),pri.store.size(store size of primary shards)\n"

    private let context: ToolContext
    private let attributes: [String: String]

    public init(spec: ToolSpec, context: ToolContext) {
        self.context = context
        self.attributes = Self.attributes(for: spec)
    }

    public func validate(_ parameters: [String: String]) -> Bool { !parameters.isEmpty }

    public func run(_ parameters: [String: String]) async throws -> ToolOutput {
        let parameters = ToolInputParameters.extract(parameters, attributes: attributes)
        var names: [String] = []
        if let raw = parameters["indices"], !raw.isJavaBlank {
            guard let parsed = try GsonStringList.parse(raw) else { throw GsonStringList.notAnArray(raw) }
            names = parsed
        }
        let indices = try IndexNameExpression.resolve(names, in: try await context.documents.indices())
        guard !indices.isEmpty else {
            return .text("There were no results searching the indices parameter [\(parameters["indices"] ?? "null")].")
        }
        let byName = Dictionary(uniqueKeysWithValues: indices.map { ($0.name, $0) })
        var table = Self.header
        for (offset, name) in JavaHashMapOrder.ordered(indices.map(\.name)).enumerated() {
            table += "\(offset + 1)," + byName[name]!.catCells.joined(separator: ",") + "\n"
        }
        return .text(table)
    }
}
