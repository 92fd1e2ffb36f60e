/// The canonical request of the SigV4 specification: the exact text whose hash gets signed.
struct SigV4CanonicalRequest {
    /// The full canonical request.
    let text: String
    /// Lowercased, sorted, `;`-joined names of the signed headers.
    let signedHeaders: String

    /// Builds the canonical request.
    ///
    /// - Parameter headers: the headers to sign, names already lowercased, in request order.
    init(
        method: String,
        path: String,
        query: String,
        headers: [(name: String, value: String)],
        payloadHash: String,
        options: SigV4SigningOptions
    ) {
        let groupedHeaders = Self.groupedHeaders(headers)
        signedHeaders = groupedHeaders.map(\.name).joined(separator: ";")
        let canonicalHeaders = groupedHeaders.map { "\($0.name):\($0.value)\n" }.joined()
        text = [
            method,
            Self.canonicalURI(path: path, options: options),
            Self.canonicalQuery(query),
            canonicalHeaders,
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
    }

    /// The path, normalized and encoded per `options`.
    static func canonicalURI(path: String, options: SigV4SigningOptions) -> String {
        let path = options.normalizesPath ? normalized(path) : (path.isEmpty ? "/" : path)
        if options.doubleEncodesPath {
            // The wire path is already encoded once; encoding it again is what non-S3 services verify.
            return SigV4PercentEncoding.encode(path.utf8, keepingSlashes: true)
        }
        // Decoding each segment first makes `%3a`, `%3A` and `:` sign identically.
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { SigV4PercentEncoding.encode(SigV4PercentEncoding.decode($0), keepingSlashes: false) }
            .joined(separator: "/")
    }

    /// Parameters decoded, re-encoded with SigV4 rules, and sorted by encoded name then value.
    static func canonicalQuery(_ query: String) -> String {
        let parameters = query.split(separator: "&").map { parameter in
            let separator = parameter.firstIndex(of: "=") ?? parameter.endIndex
            let value = separator == parameter.endIndex ? "" : parameter[parameter.index(after: separator)...]
            return (
                name: SigV4PercentEncoding.encode(SigV4PercentEncoding.decode(parameter[..<separator]), keepingSlashes: false),
                value: SigV4PercentEncoding.encode(SigV4PercentEncoding.decode(value), keepingSlashes: false)
            )
        }
        return parameters
            .sorted { lhs, rhs in
                lhs.name == rhs.name
                    ? lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
                    : lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
            }
            .map { "\($0.name)=\($0.value)" }
            .joined(separator: "&")
    }

    /// Removes empty, `.` and `..` segments; keeps a trailing slash.
    private static func normalized(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        guard !segments.isEmpty else { return "/" }
        return "/" + segments.joined(separator: "/") + (path.hasSuffix("/") ? "/" : "")
    }

    /// One entry per header name, sorted by name; repeated headers joined with `,` in request order.
    private static func groupedHeaders(_ headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        var valuesByName: [String: [String]] = [:]
        for header in headers {
            valuesByName[header.name, default: []].append(trimmedAndCollapsed(header.value))
        }
        return valuesByName
            .map { (name: $0.key, value: $0.value.joined(separator: ",")) }
            .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// Trims surrounding whitespace and collapses inner runs of it into one space.
    private static func trimmedAndCollapsed(_ value: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            if byte == ASCII.space || byte == ASCII.tab {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(ASCII.space) }
                pendingSpace = false
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
