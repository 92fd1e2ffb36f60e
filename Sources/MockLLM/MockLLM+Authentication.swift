import MLCommonsCore
import WireFormats

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension MockLLM {
    /// Bedrock's message for a signature that does not verify.
    static let signatureMismatchMessage = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."

    /// Why a SigV4-signed request with a known access key must be refused, or nil to accept it.
    ///
    /// The clock skew is not checked: callers sign with their own clocks, and tests use fixed ones.
    func signatureRejection(of request: MockLLMRequest, now: InstantTime) -> MockLLMFailure? {
        guard let authorization = request.headerValue(named: "authorization"),
              authorization.hasPrefix("AWS4-HMAC-SHA256"),
              let accessKeyID = Self.accessKeyID(in: authorization),
              let secret = awsSecrets[accessKeyID]
        else { return nil }

        var headers = request.headers
        // In-process callers may hand the host over separately; the signature covers it either way.
        if request.headerValue(named: "host") == nil, !request.host.isEmpty {
            headers.append((name: "Host", value: request.host))
        }
        let signed = SigV4Request(method: request.method, path: request.path, query: request.query, headers: headers, body: request.body)
        let verifier = SigV4Verifier(options: .standard, maximumClockSkew: nil) { $0 == accessKeyID ? secret : nil }
        do {
            _ = try verifier.verify(signed, now: Date(timeIntervalSince1970: TimeInterval(now.seconds)))
            return nil
        } catch {
            switch error {
            case .signatureMismatch:
                return .signature(message: Self.signatureMismatchMessage, incomplete: false)
            case .payloadHashMismatch:
                return .signature(message: "The provided 'x-amz-content-sha256' header does not match what was computed.", incomplete: false)
            default:
                return .signature(message: "Incomplete signature: \(error.description)", incomplete: true)
            }
        }
    }

    /// The key id of `Credential=<key>/<date>/<region>/<service>/aws4_request`.
    private static func accessKeyID(in authorization: String) -> String? {
        guard let credential = authorization.range(of: "Credential=") else { return nil }
        let rest = authorization[credential.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        return String(rest[..<slash])
    }
}
