extension SigV4Request {
    /// Creates a request from an absolute URL such as `https://bedrock-runtime.us-east-1.amazonaws.com/model/x/converse`.
    ///
    /// The URL is split textually, never re-encoded, so the signed path is byte-for-byte what is sent.
    /// A `Host` header is appended from the URL's authority (default ports dropped, as HTTP clients send it)
    /// unless `headers` already has one.
    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        var rest = Substring(url)
        if let fragmentStart = rest.firstIndex(of: "#") {
            rest = rest[..<fragmentStart]
        }
        var scheme: Substring = ""
        var authority: Substring = ""
        if let schemeEnd = rest.firstRange(of: "://") {
            scheme = rest[..<schemeEnd.lowerBound]
            rest = rest[schemeEnd.upperBound...]
            let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
            authority = rest[..<authorityEnd]
            rest = rest[authorityEnd...]
        }
        var path = rest
        var query: Substring = ""
        if let queryStart = rest.firstIndex(of: "?") {
            path = rest[..<queryStart]
            query = rest[rest.index(after: queryStart)...]
        }

        var allHeaders = headers
        let host = Self.hostHeaderValue(authority: authority, scheme: scheme)
        if !host.isEmpty, !headers.contains(where: { $0.name.lowercased() == "host" }) {
            allHeaders.append((name: "Host", value: host))
        }
        self.init(
            method: method,
            path: path.isEmpty ? "/" : String(path),
            query: String(query),
            headers: allHeaders,
            body: body
        )
    }

    /// The authority without user info or the scheme's default port.
    private static func hostHeaderValue(authority: Substring, scheme: Substring) -> String {
        var host = authority
        if let userInfoEnd = host.lastIndex(of: "@") {
            host = host[host.index(after: userInfoEnd)...]
        }
        let defaultPort = switch scheme.lowercased() {
        case "https": ":443"
        case "http": ":80"
        default: ""
        }
        if !defaultPort.isEmpty, host.hasSuffix(defaultPort) {
            host = host.dropLast(defaultPort.count)
        }
        return String(host)
    }
}
