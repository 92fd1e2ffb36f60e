/// The one upstream a relay forwards to: a plain `http://` URL split into what a connection needs.
struct UpstreamEndpoint: Sendable {
    let url: String
    let host: String
    let port: Int
    /// The path and query, `/` when the URL has none.
    let target: String

    init?(_ url: String) {
        guard url.hasPrefix("http://") else { return nil }
        let rest = url.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" }
        let target = rest.dropFirst(authority.count)
        let parts = authority.split(separator: ":", maxSplits: 1)
        guard let host = parts.first, !host.isEmpty else { return nil }
        let port = parts.count == 2 ? Int(parts[1]) : 80
        guard let port else { return nil }
        self.url = url
        self.host = String(host)
        self.port = port
        self.target = target.isEmpty ? "/" : String(target)
    }
}
