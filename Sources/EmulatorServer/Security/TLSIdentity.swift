import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// The certificate and private key the security mode serves HTTPS with: PEM files given by the user, or a
/// self-signed pair made at first start (P-256, valid for `localhost`, `127.0.0.1`, `::1` and the listening
/// host) and kept in the data file so clients can pin it across restarts.
public struct TLSIdentity: Sendable {
    /// The certificate chain, PEM.
    public let certificatePEM: String
    /// The private key, PEM; it never leaves the process except into the data file it came from.
    let privateKeyPEM: String

    public init(certificatePEM: String, privateKeyPEM: String) {
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = privateKeyPEM
    }

    /// A new self-signed identity for `host`.
    public static func selfSigned(host: String, now: Date = Date()) throws -> TLSIdentity {
        let key = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let name = try DistinguishedName {
            OrganizationName("ml-commons-emulator")
            CommonName("ml-commons-emulator self-signed")
        }
        var alternativeNames: [GeneralName] = [
            .dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
            .ipAddress(ASN1OctetString(contentBytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])),
        ]
        if let address = ipv4Bytes(host) {
            if address != [127, 0, 0, 1] { alternativeNames.append(.ipAddress(ASN1OctetString(contentBytes: address[...]))) }
        } else if host != "localhost", !host.contains(":") {
            alternativeNames.append(.dnsName(host))
        }
        let extensions = try Certificate.Extensions {
            // Its own issuer: verifiers check the self-signature as a CA's, so it may sign certificates (none below it).
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
            Critical(KeyUsage(digitalSignature: true, keyCertSign: true))
            try ExtendedKeyUsage([.serverAuth])
            SubjectAlternativeNames(alternativeNames)
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(10 * 365 * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
            issuerPrivateKey: key)
        return TLSIdentity(
            certificatePEM: try certificate.serializeAsPEM().pemString, privateKeyPEM: try key.serializeAsPEM().pemString)
    }

    /// The server configuration NIOSSL serves with.
    func serverConfiguration() throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8))
        let key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }

    private static func ipv4Bytes(_ host: String) -> [UInt8]? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let bytes = parts.compactMap { UInt8($0) }
        return bytes.count == 4 ? bytes : nil
    }
}
