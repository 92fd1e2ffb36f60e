import Crypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Checks the SigV4 `Authorization` header of a received request, as an AWS endpoint would.
///
/// Region and service come from the request's own credential scope and are reported in
/// ``SigV4VerifiedRequest``; presigned (query-string) authentication is not supported.
public struct SigV4Verifier: Sendable {
    private let options: SigV4SigningOptions
    private let maximumClockSkew: Duration?
    private let secretAccessKey: @Sendable (_ accessKeyID: String) -> String?

    /// Creates a verifier.
    ///
    /// - Parameters:
    ///   - options: canonicalization rules; must match what clients of the emulated service use.
    ///   - maximumClockSkew: how far `X-Amz-Date` may be from `now`; `nil` skips the check.
    ///     AWS allows five minutes.
    ///   - secretAccessKey: returns the secret for an access key ID, or `nil` if the key is unknown.
    public init(
        options: SigV4SigningOptions = .standard,
        maximumClockSkew: Duration? = nil,
        secretAccessKey: @escaping @Sendable (_ accessKeyID: String) -> String?
    ) {
        self.options = options
        self.maximumClockSkew = maximumClockSkew
        self.secretAccessKey = secretAccessKey
    }

    /// Verifies `request` exactly as received (path still percent-encoded) against the clock value `now`.
    public func verify(_ request: SigV4Request, now: Date = Date()) throws(SigV4VerificationError) -> SigV4VerifiedRequest {
        guard let authorizationValue = request.firstHeaderValue(named: "authorization") else {
            throw .missingAuthorization
        }
        let authorization = try SigV4AuthorizationHeader(parsing: authorizationValue)
        guard let amzDate = request.firstHeaderValue(named: "x-amz-date") else { throw .missingDate }
        guard let timestamp = SigV4Timestamp(amzDate: amzDate) else { throw .malformedDate(amzDate) }
        guard authorization.scope.dateStamp == timestamp.dateStamp else {
            throw .malformedAuthorization("credential date \(authorization.scope.dateStamp) differs from X-Amz-Date \(amzDate)")
        }
        if let maximumClockSkew {
            let skew = abs(now.timeIntervalSince1970 - TimeInterval(timestamp.secondsSince1970))
            guard skew <= maximumClockSkew.timeInterval else { throw .requestTimeTooSkewed(amzDate: amzDate) }
        }
        guard let secret = secretAccessKey(authorization.accessKeyID) else {
            throw .unknownAccessKey(authorization.accessKeyID)
        }

        let payloadHash = try verifiedPayloadHash(of: request)
        let signedHeaders = authorization.signedHeaderNames.flatMap { name in
            request.headerValues(named: name).map { (name: name, value: $0) }
        }
        let canonicalRequest = SigV4CanonicalRequest(
            method: request.method,
            path: request.path,
            query: request.query,
            headers: signedHeaders,
            payloadHash: payloadHash,
            options: options
        )
        let stringToSign = authorization.scope.stringToSign(amzDate: amzDate, canonicalRequest: canonicalRequest.text)
        let expectedSignature = authorization.scope.signature(of: stringToSign, secretAccessKey: secret)
        guard Self.constantTimeEquals(expectedSignature, authorization.signature) else {
            throw .signatureMismatch(canonicalRequest: canonicalRequest.text, stringToSign: stringToSign)
        }

        return SigV4VerifiedRequest(
            accessKeyID: authorization.accessKeyID,
            region: authorization.scope.region,
            service: authorization.scope.service,
            signedHeaders: authorization.signedHeaderNames,
            date: timestamp.date
        )
    }

    /// The hash to put in the canonical request; a claimed `x-amz-content-sha256` must match the body
    /// unless it is a sentinel such as `UNSIGNED-PAYLOAD`.
    private func verifiedPayloadHash(of request: SigV4Request) throws(SigV4VerificationError) -> String {
        let bodyHash = SHA256.hash(data: request.body).lowercaseHex
        guard let claimedHash = request.firstHeaderValue(named: "x-amz-content-sha256") else { return bodyHash }
        let isHexDigest = claimedHash.utf8.count == 64 && claimedHash.allSatisfy(\.isLowercaseHexDigit)
        guard !isHexDigest || claimedHash == bodyHash else { throw .payloadHashMismatch }
        return claimedHash
    }

    /// Comparison time independent of where the first difference is, so signatures cannot be probed byte by byte.
    private static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let lhs = Array(lhs.utf8)
        let rhs = Array(rhs.utf8)
        guard lhs.count == rhs.count else { return false }
        return zip(lhs, rhs).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
