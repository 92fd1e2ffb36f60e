import Crypto

/// `date/region/service/aws4_request`: what a signature is valid for, and the salt of its signing key.
struct SigV4CredentialScope: Hashable {
    let dateStamp: String
    let region: String
    let service: String

    /// The slash-separated form used in the string to sign and the `Credential=` field.
    var string: String { "\(dateStamp)/\(region)/\(service)/aws4_request" }

    /// `AWS4-HMAC-SHA256\n<amz date>\n<scope>\n<hex sha256 of canonical request>`.
    func stringToSign(amzDate: String, canonicalRequest: String) -> String {
        let canonicalRequestHash = SHA256.hash(data: Array(canonicalRequest.utf8)).lowercaseHex
        return "AWS4-HMAC-SHA256\n\(amzDate)\n\(string)\n\(canonicalRequestHash)"
    }

    /// The hex HMAC of `stringToSign` under the key derived from `secretAccessKey` and this scope.
    func signature(of stringToSign: String, secretAccessKey: String) -> String {
        let signingKey = [dateStamp, region, service, "aws4_request"].reduce(
            SymmetricKey(data: Array("AWS4\(secretAccessKey)".utf8))
        ) { key, component in
            SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(component.utf8), using: key))
        }
        return HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey).lowercaseHex
    }
}
