/// Path prefixes that more than one route family or the HTTP layer needs.
enum APIPath {
    static let agents = "/_plugins/_ml/agents"
    /// The emulator's own API: index names cannot start with `_` and OpenSearch has no double-underscore API.
    static let controlPlane = "/__emulator"
}
