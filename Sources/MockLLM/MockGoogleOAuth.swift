import Foundation
import MLCommonsCore

/// Google's OAuth2 token endpoint for `google_cloud` connectors offline: a JWT bearer grant whose assertion is a
/// well-formed RS256 JWT for this endpoint gets an access token; Vertex AI calls must carry one. The signature is
/// read but not verified (the mock does not know the service account's public key).
enum MockGoogleOAuth {
    static let tokenPrefix = "ya29.mock-"
    static let grantType = "urn:ietf:params:oauth:grant-type:jwt-bearer"

    static func isTokenRequest(_ request: MockLLMRequest) -> Bool {
        request.host.lowercased().hasPrefix("oauth2.googleapis.com") && request.path == "/token"
    }

    static func isVertexRequest(_ request: MockLLMRequest) -> Bool {
        request.host.lowercased().hasSuffix("aiplatform.googleapis.com")
    }

    /// The token answer, or Google's `invalid_grant` for an assertion it would refuse.
    static func tokenResponse(to request: MockLLMRequest, now: InstantTime) -> MockLLMResponse {
        let form = Dictionary(
            String(decoding: request.body, as: UTF8.self).split(separator: "&").map { pair -> (String, String) in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    .map { String($0).removingPercentEncoding ?? String($0) }
                return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
            }, uniquingKeysWith: { first, _ in first })
        guard form["grant_type"] == grantType else { return failure("unsupported_grant_type", "Invalid grant_type: \(form["grant_type"] ?? "")") }
        let parts = (form["assertion"] ?? "").split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, !parts[2].isEmpty, let header = json(parts[0]), let claims = json(parts[1]) else {
            return failure("invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.")
        }
        guard header["alg"]?.stringValue == "RS256" else { return failure("invalid_grant", "Invalid JWT Signature.") }
        guard let issuer = claims["iss"]?.stringValue, !issuer.isEmpty, claims["scope"]?.stringValue?.isEmpty == false else {
            return failure("invalid_scope", "Invalid OAuth scope or ID token audience provided.")
        }
        guard claims["aud"]?.stringValue == "https://oauth2.googleapis.com/token" else {
            return failure("invalid_grant", "Invalid JWT: Failed audience check.")
        }
        // Compared as doubles: a hostile assertion may carry any number.
        let issuedAt = claims["iat"]?.numberValue?.doubleValue ?? 0
        let expires = claims["exp"]?.numberValue?.doubleValue ?? 0
        guard expires > issuedAt, expires - issuedAt <= 3600, abs(issuedAt - Double(now.seconds)) <= 300 else {
            return failure("invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.")
        }
        let answer: JSONValue = ["access_token": .string(tokenPrefix + fingerprint(issuer + "\n" + String(Int64(issuedAt)))), "expires_in": 3599, "token_type": "Bearer"]
        return MockLLMResponse(status: 200, headers: [("Content-Type", "application/json; charset=utf-8")], frames: [MockLLMFrame(bytes: Array(answer.compactText.utf8))])
    }

    /// Vertex AI's 401 for a call without one of the mock's tokens, or nil for an authorised call.
    static func vertexRejection(of request: MockLLMRequest) -> MockLLMResponse? {
        guard !(request.headerValue(named: "authorization")?.hasPrefix("Bearer " + tokenPrefix) ?? false) else { return nil }
        let error: JSONValue = [
            "error": [
                "code": 401,
                "message": "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
                "status": "UNAUTHENTICATED",
            ],
        ]
        return MockLLMResponse(status: 401, headers: [("Content-Type", "application/json; charset=UTF-8")], frames: [MockLLMFrame(bytes: Array(error.compactText.utf8))])
    }

    private static func failure(_ code: String, _ description: String) -> MockLLMResponse {
        let body: JSONValue = ["error": .string(code), "error_description": .string(description)]
        return MockLLMResponse(status: 400, headers: [("Content-Type", "application/json; charset=utf-8")], frames: [MockLLMFrame(bytes: Array(body.compactText.utf8))])
    }

    private static func json(_ base64URL: String) -> JSONValue? {
        var text = base64URL.replacingAll("-", with: "+").replacingAll("_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text) else { return nil }
        return try? JSONParser.parse(String(decoding: data, as: UTF8.self))
    }

    /// FNV-1a, as hex: a stable token for the same issuer and time.
    private static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
