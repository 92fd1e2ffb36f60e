/// `MLValidatableAsyncHttpClient`'s guard for non-streaming calls: unless
/// `plugins.ml_commons.connector.private_ip_enabled` is on, hosts on private, loopback, link-local
/// or unspecified addresses are refused.
public enum PrivateAddressCheck {
    /// Throws ml-commons' message when the request's host is a private address.
    public static func validate(_ request: UpstreamRequest) throws(InferenceError) {
        let lowered = request.url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            throw InferenceError(message: "Protocol is not http or https: \(request.url)", status: 400, javaClass: "IllegalArgumentException")
        }
        let host = request.host
        if isPrivate(host) {
            throw InferenceError(
                message: "Remote inference host name has private ip address: \(host)", status: 400,
                javaClass: "IllegalArgumentException")
        }
    }

    /// Whether a host name or literal address is private. Names other than `localhost` are not
    /// resolved (no DNS look-up in the emulator).
    public static func isPrivate(_ host: String) -> Bool {
        if host == "localhost" || host.hasSuffix(".localhost") { return true }
        if let octets = ipv4(host) {
            switch (octets[0], octets[1]) {
            case (10, _), (127, _), (0, _): return true
            case (172, 16...31), (192, 168), (169, 254): return true
            default: return false
            }
        }
        let v6 = host.lowercased()
        return v6 == "::1" || v6 == "::" || v6.hasPrefix("fe80:") || v6.hasPrefix("fc") || v6.hasPrefix("fd")
    }

    private static func ipv4(_ host: String) -> [Int]? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let octets = parts.compactMap { Int($0) }.filter { (0...255).contains($0) }
        return octets.count == 4 ? octets : nil
    }
}
