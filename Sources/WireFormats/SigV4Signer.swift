import Crypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Signs HTTP requests with AWS Signature Version 4 (`AWS4-HMAC-SHA256`).
public struct SigV4Signer: Sendable {
    /// The credentials signatures are derived from.
    public var credentials: SigV4Credentials
    /// The AWS region, for example `us-east-1`.
    public var region: String
    /// The signing name of the service, for example `bedrock` or `s3`.
    public var service: String
    /// Service-specific canonicalization rules.
    public var options: SigV4SigningOptions

    /// Creates a signer.
    public init(
        credentials: SigV4Credentials,
        region: String,
        service: String,
        options: SigV4SigningOptions = .standard
    ) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.options = options
    }

    /// Signs `request` as of `date` and returns the headers to add to it.
    ///
    /// Every header of `request` is signed except hop-by-hop and tracing headers that intermediaries
    /// rewrite. Any `Authorization` or `X-Amz-Date` already present is replaced by the returned one, and
    /// so is `X-Amz-Security-Token` when the credentials carry a session token. An existing
    /// `x-amz-content-sha256` header (such as `UNSIGNED-PAYLOAD`) is honoured as the payload hash.
    public func sign(_ request: SigV4Request, date: Date) -> SigV4Signature {
        let timestamp = SigV4Timestamp(date)
        let scope = SigV4CredentialScope(dateStamp: timestamp.dateStamp, region: region, service: service)
        let existingPayloadHash = request.firstHeaderValue(named: "x-amz-content-sha256")
        let payloadHash = existingPayloadHash ?? SHA256.hash(data: request.body).lowercaseHex

        var addedHeaders: [(name: String, value: String)] = [("X-Amz-Date", timestamp.amzDate)]
        var replacedHeaderNames: Set<String> = ["authorization", "x-amz-date"]
        if let sessionToken = credentials.sessionToken {
            addedHeaders.append(("X-Amz-Security-Token", sessionToken))
            replacedHeaderNames.insert("x-amz-security-token")
        }
        if options.addsContentSHA256Header, existingPayloadHash == nil {
            addedHeaders.append(("x-amz-content-sha256", payloadHash))
        }

        var headersToSign: [(name: String, value: String)] = request.headers.compactMap { header in
            let name = header.name.lowercased()
            guard !replacedHeaderNames.contains(name), !Self.unsignedHeaderNames.contains(name) else { return nil }
            return (name, header.value)
        }
        headersToSign += addedHeaders.map { ($0.name.lowercased(), $0.value) }

        let canonicalRequest = SigV4CanonicalRequest(
            method: request.method,
            path: request.path,
            query: request.query,
            headers: headersToSign,
            payloadHash: payloadHash,
            options: options
        )
        let stringToSign = scope.stringToSign(amzDate: timestamp.amzDate, canonicalRequest: canonicalRequest.text)
        let signature = scope.signature(of: stringToSign, secretAccessKey: credentials.secretAccessKey)
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope.string), "
            + "SignedHeaders=\(canonicalRequest.signedHeaders), Signature=\(signature)"

        return SigV4Signature(
            headersToAdd: [("Authorization", authorization)] + addedHeaders,
            authorization: authorization,
            signature: signature,
            signedHeaders: canonicalRequest.signedHeaders,
            canonicalRequest: canonicalRequest.text,
            stringToSign: stringToSign
        )
    }

    /// Headers that proxies and HTTP stacks add or rewrite, which would break the signature in transit.
    private static let unsignedHeaderNames: Set<String> = [
        "user-agent", "x-amzn-trace-id", "expect", "connection", "transfer-encoding", "keep-alive",
        "proxy-authorization", "te", "upgrade",
    ]
}
