import Crypto
import Foundation
import MLCommonsCore

/// Encrypts connector credential values at rest with AES-GCM under the store's master key, as
/// ml-commons encrypts each value before indexing.
public struct CredentialCipher: Sendable {
    private let key: SymmetricKey

    /// A cipher over a 256-bit key.
    public init(key: SymmetricKey) { self.key = key }

    /// A key from user-given text: 32 bytes of base64 are used as is, anything else is hashed to 256 bits.
    public static func key(fromText text: String) -> SymmetricKey {
        if let data = Data(base64Encoded: text), data.count == 32 { return SymmetricKey(data: data) }
        return SymmetricKey(data: SHA256.hash(data: Data(text.utf8)))
    }

    /// Base64 of nonce, ciphertext and tag.
    public func encrypt(_ plaintext: String) throws -> String {
        let sealed = try AES.GCM.seal(Data(plaintext.utf8), using: key)
        guard let combined = sealed.combined else { throw CipherError.sealFailed }
        return combined.base64EncodedString()
    }

    /// The plaintext of a value made by ``encrypt(_:)``.
    public func decrypt(_ encoded: String) throws -> String {
        guard let data = Data(base64Encoded: encoded) else { throw CipherError.notCiphertext }
        let box = try AES.GCM.SealedBox(combined: data)
        return String(decoding: try AES.GCM.open(box, using: key), as: UTF8.self)
    }

    /// Every string value of a credential map encrypted, keys and order kept.
    public func encrypt(_ credential: JSONObject) throws -> JSONObject {
        var out = JSONObject()
        for (name, value) in credential {
            if case .string(let text) = value { out[name] = .string(try encrypt(text)) } else { out[name] = value }
        }
        return out
    }

    /// Every string value of a stored credential map decrypted.
    public func decrypt(_ credential: JSONObject) throws -> JSONObject {
        var out = JSONObject()
        for (name, value) in credential {
            if case .string(let text) = value { out[name] = .string(try decrypt(text)) } else { out[name] = value }
        }
        return out
    }

    enum CipherError: Error, CustomStringConvertible {
        case sealFailed, notCiphertext
        var description: String {
            switch self {
            case .sealFailed: return "AES-GCM sealing produced no combined box"
            case .notCiphertext: return "stored credential is not base64 ciphertext"
            }
        }
    }
}
