import Crypto
import Foundation
import GRDB

/// The store's own secrets: the master key that encrypts connector credentials, the security mode's
/// self-signed TLS identity.
public struct SecretStore: Sendable {
    private let database: MLDatabase

    public init(database: MLDatabase) { self.database = database }

    /// The master key: the given text if any (not stored), else the stored key, else a new random key
    /// stored now so the same file decrypts after a restart.
    public func masterKey(override text: String?) async throws -> SymmetricKey {
        if let text, !text.isEmpty { return CredentialCipher.key(fromText: text) }
        return try await database.writer.write { db in
            if let stored = try Data.fetchOne(db, sql: "SELECT value FROM secrets WHERE name = 'master_key'") {
                return SymmetricKey(data: stored)
            }
            let key = SymmetricKey(size: .bits256)
            let bytes = key.withUnsafeBytes { Data($0) }
            try db.execute(sql: "INSERT INTO secrets (name, value) VALUES ('master_key', ?)", arguments: [bytes])
            return key
        }
    }

    /// The secret stored under `name`, or the one `make` produces, stored now so the next start finds it.
    public func secret(named name: String, orMake make: @Sendable () throws -> Data) async throws -> Data {
        try await database.writer.write { db in
            if let stored = try Data.fetchOne(db, sql: "SELECT value FROM secrets WHERE name = ?", arguments: [name]) {
                return stored
            }
            let value = try make()
            try db.execute(sql: "INSERT INTO secrets (name, value) VALUES (?, ?)", arguments: [name, value])
            return value
        }
    }
}
