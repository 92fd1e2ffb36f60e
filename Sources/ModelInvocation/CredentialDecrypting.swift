import MLCommonsCore
import MLStore

/// Turns a connector's stored (encrypted) credential into the values its templates use.
public protocol CredentialDecrypting: Sendable {
    func decrypt(_ credential: JSONObject) throws -> JSONObject
}

extension CredentialCipher: CredentialDecrypting {}
