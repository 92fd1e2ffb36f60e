#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLCommonsCore

/// Keeps web pages the developer happens to visit from driving the emulator: a browser lets any page
/// send a form POST to `http://127.0.0.1:9200`, and DNS rebinding lets a page read the answers.
///
/// - A state-changing request whose `Origin` is another site is refused, unless CORS allows that origin
///   (`--cors-allow-origin`, OpenSearch's `http.cors.allow-origin`).
/// - When the server listens on loopback only, a `Host` that is not a loopback name (or the bound host) is
///   refused, which is what a rebound name looks like.
/// - With a control token set, `/__emulator` requests that change state must carry it.
struct CrossSiteGuard: Sendable {
    /// `http.cors.allow-origin`: `*`, an exact origin, or `/regex/`; nil when CORS is off.
    let corsAllowOrigin: String?
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
        if let origin = Self.header("Origin", in: headers), !isSameOrigin(origin, host: host), !corsAllows(origin) {
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

    /// The CORS response headers for an allowed cross-origin request (none when CORS is off).
    func corsHeaders(origin: String?) -> [(String, String)] {
        guard let origin, corsAllows(origin) else { return [] }
        return [("Access-Control-Allow-Origin", corsAllowOrigin == "*" ? "*" : origin), ("Vary", "Origin")]
    }

    /// The answer to a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`), as OpenSearch's
    /// `CorsHandler` gives it with its default allowed methods and headers.
    func preflight(origin: String?) -> RESTResponse? {
        guard corsAllowOrigin != nil else { return nil }
        guard let origin, corsAllows(origin) else { return RESTResponse(status: 403, body: .empty) }
        var response = RESTResponse(status: 200, body: .empty)
        response.headers = corsHeaders(origin: origin) + [
            ("Access-Control-Allow-Methods", "HEAD,DELETE,POST,GET,OPTIONS,PUT"),
            ("Access-Control-Allow-Headers", "X-Requested-With,Content-Type,Content-Length"),
            ("Access-Control-Max-Age", "1728000"),
        ]
        return response
    }

    private func corsAllows(_ origin: String) -> Bool {
        guard let allowed = corsAllowOrigin else { return false }
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
