import MLCommonsCore
import MockLLM

/// The emulator's web search engine (`/__emulator/web`), for WebSearchTool's `custom` engine without a network: `PUT`
/// the pages, then `GET /__emulator/web/search?q=…&offset=…&limit=…` answers `{"results":[{"url","title"}]}` and each
/// page is served at `/__emulator/web/pages/{name}`.
enum MockSearchEngineRoutes {
    static let base = "\(APIPath.controlPlane)/web"

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        let engine = emulator.searchEngine
        routes.add("PUT", "\(base)/pages") { request in
            try engine.replace(json: try request.requiredJSONBody())
            return .json(["acknowledged": true])
        }
        routes.add("GET", "\(base)/pages") { _ in
            .json(["pages": .array(engine.all.map { ["name": .string($0.name), "title": .string($0.title), "text": .string($0.text)] })])
        }
        routes.add("GET", "\(base)/pages/{name}") { request in
            let name = request.parameter("name")
            guard let html = engine.html(name) else { throw OpenSearchError.statusException("No page \(name)", status: 404) }
            return RESTResponse(body: .text(html, contentType: "text/html; charset=utf-8"))
        }
        routes.add("GET", "\(base)/search", query: ["q", "offset", "limit"]) { request in
            let origin = (emulator.configuration.security == nil ? "http://" : "https://")
                + (request.headers.first { $0.name.lowercased() == "host" }?.value ?? "127.0.0.1")
            let found = engine.search(
                request.query["q"] ?? "", offset: Int(request.query["offset"] ?? "") ?? 0, limit: Int(request.query["limit"] ?? "") ?? 10)
            return .json(["results": .array(found.map { ["url": .string("\(origin)\(base)/pages/\($0.name)"), "title": .string($0.title)] })])
        }
    }
}
