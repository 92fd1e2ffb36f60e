#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Resolves a host name to the addresses a connection would use.
public protocol HostResolver: Sendable {
    /// Every address of `host` (a name or any literal spelling the system accepts); throws
    /// ``HostResolutionError`` when it has none.
    func addresses(of host: String) async throws(HostResolutionError) -> [IPAddress]
}

/// Why a host did not resolve, with the system's text (`Name or service not known`).
public struct HostResolutionError: Error, Sendable, Hashable {
    public let host: String
    public let reason: String
}

/// The system resolver (`getaddrinfo`), which is also what the HTTP client connects through, so every
/// spelling it accepts (`127.1`, `2130706433`, `0x7f000001`, `0177.0.0.1`) is judged by its real address.
public struct SystemHostResolver: HostResolver {
    public init() {}

    public func addresses(of host: String) async throws(HostResolutionError) -> [IPAddress] {
        // A literal address is only parsed, which never blocks: no hop off the calling thread and back.
        if case .success(let literal) = Self.resolve(host, numericOnly: true) { return literal }
        let outcome: Result<[IPAddress], HostResolutionError> = await withCheckedContinuation { continuation in
            // getaddrinfo blocks, so it runs off the cooperative pool.
            DispatchQueue.global().async { continuation.resume(returning: Self.resolve(host)) }
        }
        return try outcome.get()
    }

    private static func resolve(_ host: String, numericOnly: Bool = false) -> Result<[IPAddress], HostResolutionError> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        if numericOnly { hints.ai_flags = AI_NUMERICHOST }
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            return .failure(HostResolutionError(host: host, reason: String(cString: gai_strerror(status))))
        }
        defer { freeaddrinfo(first) }
        var addresses: [IPAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = entry.pointee.ai_addr {
                switch Int32(address.pointee.sa_family) {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                        let raw = UInt32(bigEndian: v4.pointee.sin_addr.s_addr)
                        addresses.append(.v4([UInt8(raw >> 24), UInt8(truncatingIfNeeded: raw >> 16),
                            UInt8(truncatingIfNeeded: raw >> 8), UInt8(truncatingIfNeeded: raw)]))
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                        addresses.append(.v6(withUnsafeBytes(of: v6.pointee.sin6_addr) { Array($0) }))
                    }
                default:
                    break
                }
            }
            cursor = entry.pointee.ai_next
        }
        return addresses.isEmpty
            ? .failure(HostResolutionError(host: host, reason: "No address associated with hostname")) : .success(addresses)
    }
}
