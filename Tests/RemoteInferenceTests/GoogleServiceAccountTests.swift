import CryptoExtras
import Foundation
import MLCommonsCore
import RemoteInference
import Testing

/// The OAuth2 assertion of a `google_cloud` connector's service account: an RS256 JWT that verifies with its key.
@Suite("Google service account")
struct GoogleServiceAccountTests {
    static let pem = try! String(
        contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/google/test-service-account-key.pem"),
        encoding: .utf8)

    static func decode(_ part: Substring) -> [UInt8] {
        var text = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        return Array(Data(base64Encoded: text) ?? Data())
    }

    @Test func theAssertionIsASignedJWT() throws {
        let account = try GoogleServiceAccount(
            credential: ["private_key": Self.pem, "client_email": "emulator@demo.iam.gserviceaccount.com"], parameters: [:])
        let jwt = try account.assertion(issuedAt: 1_796_042_096)
        let parts = jwt.split(separator: ".")
        #expect(parts.count == 3)
        #expect(String(decoding: Self.decode(parts[0]), as: UTF8.self) == #"{"alg":"RS256","typ":"JWT"}"#)
        #expect(String(decoding: Self.decode(parts[1]), as: UTF8.self)
            == #"{"iss":"emulator@demo.iam.gserviceaccount.com","scope":"https://www.googleapis.com/auth/cloud-platform","aud":"https://oauth2.googleapis.com/token","iat":1796042096,"exp":1796045696}"#)
        let key = try _RSA.Signing.PrivateKey(pemRepresentation: Self.pem)
        let signature = _RSA.Signing.RSASignature(rawRepresentation: Self.decode(parts[2]))
        #expect(key.publicKey.isValidSignature(signature, for: Array((parts[0] + "." + parts[1]).utf8), padding: .insecurePKCS1v1_5))
    }

    @Test func tokenEndpointsAndADCAreChecked() {
        #expect(throws: OpenSearchError.illegalArgument("token_uri must be an https Google endpoint, got: http://oauth2.googleapis.com/token")) {
            try GoogleServiceAccount(credential: ["token_uri": "http://oauth2.googleapis.com/token"], parameters: [:])
        }
        #expect(throws: OpenSearchError.self) { try GoogleServiceAccount(credential: [:], parameters: ["auth_mode": "ADC"]) }
    }
}
