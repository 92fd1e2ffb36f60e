#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLCommonsCore

/// Keeps web pages the developer happens to visit from driving the emulator: a browser lets any page
/// send a form POST to `http://127.0.0.1:9200`, and DNS rebinding lets a page read the answers.
///
/// - With CORS off, a state-changing request whose `Origin` is another site is refused. With CORS on
///   (`http.cors.*`), requests from origins it does not allow are refused whatever the method, with the
///   empty 403 OpenSearch's `CorsHandler` answers.
/// - When the server listens on loopback only, a `Host` that is not a loopback name (or the bound host) is
///   refused, which is what a rebound name looks like.
/// - With a control token set, `/__emulator` requests that change state must carry it.
struct CrossSiteGuard: Sendable {
    /// OpenSearch's `http.cors.*`.
    let cors: CORSSettings
    /// The bound host, e.g. `127.0.0.1`, `::1`, `0.0.0.0` or a name.
    let boundHost: String
    /// Required on state-changing control-plane requests when set.
    let controlToken: String?

    private static let safeMethods: Set<String> = ["GET", "HEAD", "OPTIONS"]
    private static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "::1", "[::1]"]

    /// Whether the server accepts connections from loopback only.
    var listensOnLoopbackOnly: Bool {
        Self.loopbackNames.contains(boundHost.lowercased()) || boundHost.hasPrefix("127.")
    }

    /// The refusal for `request`, or nil to let it through.
    func refusal(method: String, path: String, headers: [(name: String, value: String)]) -> OpenSearchError? {
        let host = Self.header("Host", in: headers)
        if listensOnLoopbackOnly, let host, !isLoopbackAuthority(host) {
            return .forbidden(
                "Host [\(host)] is not a name of this server, which listens on loopback only; "
                    + "use http://127.0.0.1 or http://localhost, or start it with --host to serve other names")
        }
        guard !Self.safeMethods.contains(method) else { return nil }
        if !cors.enabled, let origin = Self.header("Origin", in: headers), !isSameOrigin(origin, host: host) {
            return .forbidden(
                "Cross-site request from origin [\(origin)] refused; start the emulator with "
                    + "--cors-allow-origin to allow a web application to call it")
        }
        if let controlToken, Self.changesControlState(path) {
            let presented = Self.header("X-Emulator-Token", in: headers)
                ?? Self.header("Authorization", in: headers).flatMap { value in
                    value.hasPrefix("Bearer ") ? String(value.dropFirst("Bearer ".count)) : nil
                }
            guard let presented, Self.constantTimeEqual(presented, controlToken) else {
                return .forbidden(
                    "The control plane needs its token: send it as X-Emulator-Token or Authorization: Bearer")
            }
        }
        return nil
    }

    /// Control-plane paths that change the emulator; the mock LLM's provider endpoints only answer calls
    /// (connectors, the emulator's own included, post to them without a token).
    private static func changesControlState(_ path: String) -> Bool {
        guard path.hasPrefix(APIPath.controlPlane) else { return false }
        let mock = APIPath.controlPlane + "/mock-llm/"
        return !path.hasPrefix(mock) || path == mock + "script"
    }

    /// With CORS on, whether a request from another origin than the server's is one CORS does not
    /// allow (`CorsHandler.validateOrigin`), answered with an empty 403.
    func corsForbids(headers: [(name: String, value: String)]) -> Bool {
        guard cors.enabled, let origin = Self.header("Origin", in: headers) else { return false }
        if isSameOrigin(origin, host: Self.header("Host", in: headers)) { return false }
        return !corsAllows(origin)
    }

    /// The CORS response headers for an allowed cross-origin request (none when CORS is off): the origin
    /// itself (or `*` when any is allowed and credentials are not), and whether credentials may go.
    func corsHeaders(origin: String?) -> [(String, String)] {
        guard let origin, corsAllows(origin) else { return [] }
        var headers: [(String, String)]
        if cors.allowOrigin == "*" && !cors.allowCredentials {
            headers = [("Access-Control-Allow-Origin", "*")]
        } else {
            headers = [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")]
        }
        if cors.allowCredentials { headers.append(("Access-Control-Allow-Credentials", "true")) }
        return headers
    }

    /// The answer to a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`), as OpenSearch's
    /// `CorsHandler` gives it; nil with CORS off (the request is then an ordinary `OPTIONS`).
    func preflight(origin: String?) -> RESTResponse? {
        // Without an `Origin` it is no preflight (`CorsHandler.isPreflightRequest`).
        guard cors.enabled, let origin else { return nil }
        guard corsAllows(origin) else { return RESTResponse(status: 403, body: .empty) }
        var response = RESTResponse(status: 200, body: .empty)
        response.headers = corsHeaders(origin: origin) + [
            ("Access-Control-Allow-Methods", Self.methodOrder.filter(cors.allowMethods.contains).joined(separator: ",")),
            ("Access-Control-Allow-Headers", cors.allowHeaders.joined(separator: ",")),
            ("Access-Control-Max-Age", String(cors.maxAge)),
        ]
        return response
    }

    /// The order a JVM's `HashSet` of the default methods iterates in on OpenSearch 3.3 nodes.
    private static let methodOrder = ["HEAD", "DELETE", "POST", "GET", "OPTIONS", "PUT", "PATCH", "TRACE", "CONNECT"]

    private func corsAllows(_ origin: String) -> Bool {
        guard cors.enabled, !cors.allowOrigin.isEmpty else { return false }
        let allowed = cors.allowOrigin
        if allowed == "*" { return true }
        if allowed.count > 2, allowed.hasPrefix("/"), allowed.hasSuffix("/") {
            let pattern = String(allowed.dropFirst().dropLast())
            return (try? LinearRegex(pattern).wholeMatch(origin)) == true
        }
        return allowed.split(separator: ",").contains { String($0).trimmingWhitespace() == origin }
    }

    /// Whether `origin` (`scheme://host[:port]`) names the server the request was sent to.
    private func isSameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, let schemeEnd = origin.range(of: "://") else { return false }
        return origin[schemeEnd.upperBound...].lowercased() == host.lowercased()
    }

    /// A loopback name, the bound host, or an address literal: rebinding needs a name the attacker controls,
    /// and a page whose origin is an address can only be that address.
    private func isLoopbackAuthority(_ authority: String) -> Bool {
        let name = Self.hostName(ofAuthority: authority).lowercased()
        if Self.loopbackNames.contains(name) || name == boundHost.lowercased() || name.hasPrefix("[") { return true }
        var address = in_addr()
        return inet_aton(name, &address) != 0
    }

    /// The host of `host[:port]` or `[v6]:port`.
    static func hostName(ofAuthority authority: String) -> String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[...close])
        }
        if let colon = authority.lastIndex(of: ":"), authority.firstIndex(of: ":") == colon {
            return String(authority[..<colon])
        }
        return authority
    }

    private static func header(_ name: String, in headers: [(name: String, value: String)]) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    private static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
