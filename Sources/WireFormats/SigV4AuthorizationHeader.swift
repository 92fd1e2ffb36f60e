/// The fields of an `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` header.
struct SigV4AuthorizationHeader {
    let accessKeyID: String
    let scope: SigV4CredentialScope
    let signedHeaderNames: [String]
    let signature: String

    init(parsing value: String) throws(SigV4VerificationError) {
        let algorithm = "AWS4-HMAC-SHA256"
        guard value.hasPrefix(algorithm + " ") else {
            throw .malformedAuthorization("algorithm must be \(algorithm)")
        }
        var fields: [Substring: Substring] = [:]
        for component in value.dropFirst(algorithm.count).split(separator: ",") {
            let field = component.trimmingSpaces
            guard let equals = field.firstIndex(of: "=") else {
                throw .malformedAuthorization("component \"\(field)\" has no \"=\"")
            }
            fields[field[..<equals]] = field[field.index(after: equals)...]
        }
        guard let credential = fields["Credential"], let signedHeaders = fields["SignedHeaders"],
              let signature = fields["Signature"]
        else {
            throw .malformedAuthorization("Credential, SignedHeaders and Signature are all required")
        }

        let credentialParts = credential.split(separator: "/", omittingEmptySubsequences: false)
        guard credentialParts.count == 5, credentialParts[4] == "aws4_request",
              !credentialParts[0].isEmpty, !credentialParts[2].isEmpty, !credentialParts[3].isEmpty,
              credentialParts[1].utf8.count == 8, credentialParts[1].allSatisfy(\.isASCIIDigit)
        else {
            throw .malformedAuthorization("Credential must be <key>/<yyyyMMdd>/<region>/<service>/aws4_request")
        }
        let headerNames = signedHeaders.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard !headerNames.contains(where: \.isEmpty) else {
            throw .malformedAuthorization("SignedHeaders has an empty name")
        }
        guard headerNames.contains("host") else {
            throw .malformedAuthorization("SignedHeaders must include host")
        }
        guard signature.utf8.count == 64, signature.allSatisfy(\.isLowercaseHexDigit) else {
            throw .malformedAuthorization("Signature must be 64 lowercase hex digits")
        }

        accessKeyID = String(credentialParts[0])
        scope = SigV4CredentialScope(
            dateStamp: String(credentialParts[1]),
            region: String(credentialParts[2]),
            service: String(credentialParts[3])
        )
        signedHeaderNames = headerNames
        self.signature = String(signature)
    }
}
