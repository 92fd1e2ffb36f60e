import MLCommonsCore

/// The playground: a page at `/__emulator/` and its files under `/__emulator/playground/`.
enum PlaygroundRoutes {
    static let page = "\(APIPath.controlPlane)/"
    static let files = "\(APIPath.controlPlane)/playground"

    static func register(_ routes: inout RouteTable, _ assets: PlaygroundAssets) {
        routes.add("GET", "\(files)/{file}") { request in try serve(request.parameter("file"), assets) }
    }

    /// The page itself; `GET /__emulator` without the slash lists the control plane instead.
    static func servePage(_ assets: PlaygroundAssets) throws -> RESTResponse {
        try serve("index.html", assets)
    }

    private static func serve(_ name: String, _ assets: PlaygroundAssets) throws -> RESTResponse {
        guard let asset = assets.assets[name] else {
            if assets.assets.isEmpty {
                throw OpenSearchError.resourceNotFound(
                    "the playground's files were not found beside the executable (looked in \(assets.searched.joined(separator: ", "))); "
                        + "install the \(PlaygroundAssets.bundleName) folder next to it")
            }
            throw OpenSearchError.resourceNotFound("the playground has no file [\(name)]")
        }
        return RESTResponse(headers: [("Cache-Control", "no-cache")], body: .text(asset.text, contentType: asset.contentType))
    }
}
