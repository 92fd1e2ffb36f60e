/// An IPv4 or IPv6 address as raw bytes, with the classes the private-address guard refuses.
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    case v4([UInt8])
    case v6([UInt8])

    /// Whether a connection to this address stays on this machine or its private networks: unspecified,
    /// loopback, link-local, site-local (RFC 1918 and `fec0::/10`), unique-local `fc00::/7`, and IPv4
    /// addresses carried in IPv6 (`::ffff:a.b.c.d`, `::a.b.c.d`).
    public var isPrivate: Bool {
        switch self {
        case .v4(let b):
            guard b.count == 4 else { return true }
            switch (b[0], b[1]) {
            case (0, _), (10, _), (127, _), (169, 254), (192, 168): return true
            case (172, 16...31): return true
            default: return false
            }
        case .v6(let b):
            guard b.count == 16 else { return true }
            if b[0..<10].allSatisfy({ $0 == 0 }) {
                let embedded = IPAddress.v4(Array(b[12..<16]))
                if b[10] == 0xFF, b[11] == 0xFF { return embedded.isPrivate }
                if b[10] == 0, b[11] == 0 {
                    // `::` and `::1`, or the deprecated IPv4-compatible form.
                    return b[12..<15].allSatisfy({ $0 == 0 }) && b[15] <= 1 ? true : embedded.isPrivate
                }
            }
            if b[0] & 0xFE == 0xFC { return true }
            if b[0] == 0xFE, b[1] & 0xC0 == 0x80 || b[1] & 0xC0 == 0xC0 { return true }
            return false
        }
    }

    public var description: String {
        switch self {
        case .v4(let b): return b.map(String.init).joined(separator: ".")
        case .v6(let b):
            return stride(from: 0, to: b.count, by: 2).map { String(UInt16(b[$0]) << 8 | UInt16(b[$0 + 1]), radix: 16) }
                .joined(separator: ":")
        }
    }
}
