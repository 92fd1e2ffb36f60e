import Foundation

/// The user and password of an `Authorization: Basic …` header, read as the security plugin's `HTTPHelper`
/// reads it: the scheme in any case, base64 of UTF-8 `user:password` split at the first colon, neither empty.
public struct BasicCredentials: Sendable, Hashable {
    public let user: String
    public let password: String

    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// Nil for a missing scheme, bad base64, no colon, an empty user or an empty password: all of them get the
    /// same 401 challenge.
    public init?(header: String) {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("basic ") else { return nil }
        let encoded = trimmed.dropFirst("basic ".count).split(separator: " ", omittingEmptySubsequences: true).first
        guard let encoded, let data = Data(base64Encoded: String(encoded)),
            let decoded = String(data: data, encoding: .utf8),
            let colon = decoded.firstIndex(of: ":")
        else { return nil }
        let user = String(decoded[..<colon])
        let password = String(decoded[decoded.index(after: colon)...])
        guard !user.isEmpty, !password.isEmpty else { return nil }
        self.init(user: user, password: password)
    }
}
