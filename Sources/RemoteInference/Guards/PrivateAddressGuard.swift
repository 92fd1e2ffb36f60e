/// Wraps the transport that really connects: unless private addresses are allowed
/// (`plugins.ml_commons.connector.private_ip_enabled`), the host is resolved first and the call is refused
/// when any of its addresses is private, as `MLHttpClientFactory.validateIp` does with `getAllByName`.
public struct PrivateAddressGuard: UpstreamTransport {
    public let base: any UpstreamTransport
    public let resolver: any HostResolver
    /// Read at call time, so the setting acts at once.
    public let allowsPrivateAddresses: @Sendable () async -> Bool

    public init(
        base: any UpstreamTransport, resolver: any HostResolver = SystemHostResolver(),
        allowsPrivateAddresses: @escaping @Sendable () async -> Bool
    ) {
        self.base = base
        self.resolver = resolver
        self.allowsPrivateAddresses = allowsPrivateAddresses
    }

    public func send(_ request: UpstreamRequest) async throws -> UpstreamResponse {
        try await check(request)
        return try await base.send(request)
    }

    /// Throws the refusal ml-commons gives for `request`'s URL, or returns when it may be called.
    public func check(_ request: UpstreamRequest) async throws(OutboundRefusal) {
        let lowered = request.url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            throw .unsupportedProtocol(request.url.split(separator: ":", maxSplits: 1).first.map(String.init) ?? request.url)
        }
        // `getAllByName` runs whatever the setting says, so a name that does not resolve always fails here.
        let host = request.host
        let addresses: [IPAddress]
        do {
            addresses = try await resolver.addresses(of: host)
        } catch {
            throw .unknownHost(host, reason: error.reason)
        }
        guard await !allowsPrivateAddresses() else { return }
        if addresses.contains(where: \.isPrivate) { throw .privateAddress(host: request.hostAsWritten) }
    }
}
