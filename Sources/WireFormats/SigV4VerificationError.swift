/// Why a received request failed SigV4 verification.
///
/// Equality compares only the kind of failure, so callers can match against the static members;
/// specifics are in ``description`` and, for mismatches, in ``expectedCanonicalRequest``.
public struct SigV4VerificationError: Error, Hashable, CustomStringConvertible {
    private enum Kind: Hashable {
        case missingAuthorization
        case malformedAuthorization
        case missingDate
        case malformedDate
        case requestTimeTooSkewed
        case unknownAccessKey
        case payloadHashMismatch
        case signatureMismatch
    }

    private let kind: Kind
    private let detail: String?

    /// For ``signatureMismatch``: the canonical request the server computed, to diff against the client's.
    public let expectedCanonicalRequest: String?
    /// For ``signatureMismatch``: the string to sign the server computed.
    public let expectedStringToSign: String?

    private init(
        _ kind: Kind,
        detail: String? = nil,
        expectedCanonicalRequest: String? = nil,
        expectedStringToSign: String? = nil
    ) {
        self.kind = kind
        self.detail = detail
        self.expectedCanonicalRequest = expectedCanonicalRequest
        self.expectedStringToSign = expectedStringToSign
    }

    /// The request has no `Authorization` header.
    public static let missingAuthorization = Self(.missingAuthorization)
    /// The `Authorization` header is not a well-formed `AWS4-HMAC-SHA256` value.
    public static let malformedAuthorization = Self(.malformedAuthorization)
    /// The request has no `X-Amz-Date` header.
    public static let missingDate = Self(.missingDate)
    /// `X-Amz-Date` is not `yyyyMMdd'T'HHmmss'Z'`.
    public static let malformedDate = Self(.malformedDate)
    /// `X-Amz-Date` is further from the verifier's clock than the allowed skew.
    public static let requestTimeTooSkewed = Self(.requestTimeTooSkewed)
    /// No secret is known for the access key ID in the credential.
    public static let unknownAccessKey = Self(.unknownAccessKey)
    /// `x-amz-content-sha256` does not match the hash of the received body.
    public static let payloadHashMismatch = Self(.payloadHashMismatch)
    /// The recomputed signature differs from the one in the `Authorization` header.
    public static let signatureMismatch = Self(.signatureMismatch)

    static func malformedAuthorization(_ reason: String) -> Self {
        Self(.malformedAuthorization, detail: reason)
    }

    static func malformedDate(_ value: String) -> Self {
        Self(.malformedDate, detail: "X-Amz-Date is \"\(value)\"")
    }

    static func requestTimeTooSkewed(amzDate: String) -> Self {
        Self(.requestTimeTooSkewed, detail: "X-Amz-Date is \(amzDate)")
    }

    static func unknownAccessKey(_ accessKeyID: String) -> Self {
        Self(.unknownAccessKey, detail: "access key ID \(accessKeyID)")
    }

    static func signatureMismatch(canonicalRequest: String, stringToSign: String) -> Self {
        Self(
            .signatureMismatch,
            detail: "expected canonical request:\n\(canonicalRequest)\nexpected string to sign:\n\(stringToSign)",
            expectedCanonicalRequest: canonicalRequest,
            expectedStringToSign: stringToSign
        )
    }

    /// Compares the kind of failure only; see the type's documentation.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.kind == rhs.kind }

    /// Hashes the kind of failure only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }

    /// A one-line summary followed by the specifics of this occurrence.
    public var description: String {
        let summary = switch kind {
        case .missingAuthorization: "missing Authorization header"
        case .malformedAuthorization: "malformed Authorization header"
        case .missingDate: "missing X-Amz-Date header"
        case .malformedDate: "malformed X-Amz-Date header"
        case .requestTimeTooSkewed: "request time is too far from the server time"
        case .unknownAccessKey: "unknown access key"
        case .payloadHashMismatch: "x-amz-content-sha256 does not match the body"
        case .signatureMismatch: "signature does not match"
        }
        return detail.map { "\(summary): \($0)" } ?? summary
    }
}
