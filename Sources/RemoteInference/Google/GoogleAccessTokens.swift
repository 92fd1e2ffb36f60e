import Crypto
import MLCommonsCore

/// OAuth2 access tokens of `google_cloud` connectors' service accounts: minted with the JWT bearer grant at the
/// account's token endpoint and reused until five minutes before they expire (`refreshIfExpired`).
public actor GoogleAccessTokens {
    private struct Entry {
        let token: String
        let expiresAt: Int64
    }

    /// A token this close to its end is minted again.
    static let refreshMarginSeconds: Int64 = 300
    private var cache: [String: Entry] = [:]
    private let transport: any UpstreamTransport
    private let now: @Sendable () -> Int64

    /// `transport` reaches the token endpoint (no trusted-endpoint check applies to it, as none does in ml-commons).
    public init(transport: any UpstreamTransport, now: @escaping @Sendable () -> Int64 = { InstantTime.now().seconds }) {
        self.transport = transport
        self.now = now
    }

    /// A valid access token for `account`; ml-commons' error when none can be had.
    public func token(for account: GoogleServiceAccount) async throws -> String {
        let key = [account.clientEmail, account.scope, account.tokenURI, SHA256.hash(data: Array(account.privateKeyPEM.utf8)).description]
            .joined(separator: "\n")
        if let entry = cache[key], entry.expiresAt - Self.refreshMarginSeconds > now() { return entry.token }
        let issuedAt = now()
        let assertion = try account.assertion(issuedAt: issuedAt)
        let body = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + assertion
        var request = UpstreamRequest(
            method: "POST", url: account.tokenURI, headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: Array(body.utf8), isStreaming: false)
        request.secrets = [assertion]
        let status: Int
        let text: String
        do {
            let response = try await transport.send(request)
            status = response.status
            text = String(decoding: try await response.body.collect(upTo: 1 << 20), as: UTF8.self)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw Self.failure("\(OpenSearchError(reporting: error).reason), iss: \(account.clientEmail)")
        }
        let answer = try? JSONParser.parse(text)
        guard (200..<300).contains(status), let token = answer?["access_token"]?.stringValue,
            let lifetime = answer?["expires_in"]?.numberValue?.doubleValue
        else {
            throw Self.failure(
                "Error getting access token for service account: \(status) \(Self.reasonPhrase(status))\nPOST \(account.tokenURI)\n\(text), iss: \(account.clientEmail)")
        }
        // A lifetime beyond a day (or not a number) is read as a day.
        cache[key] = Entry(token: token, expiresAt: issuedAt + Int64(lifetime.isFinite ? min(max(lifetime, 0), 86_400) : 86_400))
        return token
    }

    private static func failure(_ message: String) -> OpenSearchError {
        OpenSearchError("MLException", reason: "Failed to obtain Google OAuth2 access token: " + message, status: 500)
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: ""
        }
    }
}
