import Agents
import MLCommonsCore

/// `/_plugins/_ml/tools`: the catalog of registered tools (`RestMLListToolsAction`, `RestMLGetToolAction`).
enum ToolRoutes {
    static let base = "/_plugins/_ml/tools"

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        routes.add("GET", base) { _ in
            .json(.array(ToolCatalog.listed.map(\.listJSON)))
        }
        routes.add("GET", "\(base)/{tool_name}") { request in
            .json(try ToolCatalog.tool(named: request.parameter("tool_name")).json)
        }
    }
}
