import CryptoExtras
import Foundation
import MLCommonsCore

/// A `google_cloud` connector's service account (3.9, `GoogleCredentialProvider`): the key that signs the OAuth2
/// JWT assertion (RS256, as google-auth-library's `ServiceAccountCredentials` signs it), the token endpoint, the scope.
public struct GoogleServiceAccount: Sendable {
    public static let defaultTokenURI = "https://oauth2.googleapis.com/token"
    public static let defaultScope = "https://www.googleapis.com/auth/cloud-platform"
    /// Assertions and tokens live an hour.
    static let lifetimeSeconds: Int64 = 3600

    public let clientEmail: String
    let privateKeyPEM: String
    public let tokenURI: String
    public let scope: String

    /// The account of a decrypted credential and the connector's parameters; ml-commons' errors for ADC (which needs a
    /// cloud environment) and for a `token_uri` other than Google's.
    public init(credential: [String: String], parameters: [String: String]) throws(OpenSearchError) {
        if parameters["auth_mode"]?.lowercased() == "adc" {
            throw OpenSearchError(
                "MLException",
                reason: "Failed to initialize Google credentials (ADC/Workload Identity): Your default credentials were not found. To set up Application Default Credentials for your environment, see https://cloud.google.com/docs/authentication/external/set-up-adc.",
                status: 500)
        }
        clientEmail = credential["client_email"] ?? ""
        privateKeyPEM = credential["private_key"] ?? ""
        tokenURI = try Self.validatedTokenURI(credential["token_uri"] ?? Self.defaultTokenURI)
        scope = parameters["scopes"] ?? Self.defaultScope
    }

    /// `validateTokenUri`: an https URL whose host is exactly `oauth2.googleapis.com`.
    static func validatedTokenURI(_ text: String) throws(OpenSearchError) -> String {
        guard let url = URLComponents(string: text) else { throw .illegalArgument("Invalid token_uri: \(text)") }
        guard url.scheme?.lowercased() == "https", let host = url.host, !host.isEmpty else {
            throw .illegalArgument("token_uri must be an https Google endpoint, got: \(text)")
        }
        guard host.lowercased() == "oauth2.googleapis.com" else {
            throw .illegalArgument("token_uri host must be oauth2.googleapis.com, got: \(host)")
        }
        return text
    }

    /// The signed JWT bearer assertion: `{"alg":"RS256","typ":"JWT"}` and `iss`, `scope`, `aud`, `iat`, `exp`.
    public func assertion(issuedAt: Int64) throws(OpenSearchError) -> String {
        let header: JSONValue = ["alg": "RS256", "typ": "JWT"]
        let claims: JSONValue = [
            "iss": .string(clientEmail), "scope": .string(scope), "aud": .string(tokenURI),
            "iat": .number(JSONNumber(Int(issuedAt))), "exp": .number(JSONNumber(Int(issuedAt + Self.lifetimeSeconds))),
        ]
        let signingInput = Self.base64URL(Array(header.compactText.utf8)) + "." + Self.base64URL(Array(claims.compactText.utf8))
        do {
            // A key file's `\n` escapes may reach here unexpanded when the key was pasted as one line.
            let pem = privateKeyPEM.contains("\\n") ? privateKeyPEM.replacingAll("\\n", with: "\n") : privateKeyPEM
            let key = try _RSA.Signing.PrivateKey(pemRepresentation: pem)
            let signature = try key.signature(for: Array(signingInput.utf8), padding: .insecurePKCS1v1_5)
            return signingInput + "." + Self.base64URL(Array(signature.rawRepresentation))
        } catch {
            throw OpenSearchError(
                "MLException", reason: "Failed to initialize Google credentials (service-account key): Invalid PKCS#8 data.", status: 500)
        }
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingAll("+", with: "-").replacingAll("/", with: "_").replacingAll("=", with: "")
    }
}
