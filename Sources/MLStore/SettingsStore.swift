import GRDB
import MLCommonsCore

/// Persistent cluster settings (transient ones live only in memory, as on a restarted cluster).
public struct SettingsStore: Sendable {
    private let database: MLDatabase

    public init(database: MLDatabase) { self.database = database }

    public func loadPersistent() async throws -> [String: SettingValue] {
        try await database.writer.read { db in
            var out: [String: SettingValue] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM cluster_settings") {
                let key: String = row["key"]
                switch try? JSONParser.parse(row["value"] as String) {
                case .string(let text)?: out[key] = .string(text)
                case .array(let items)?: out[key] = .list(items.compactMap(\.stringValue))
                default: continue
                }
            }
            return out
        }
    }

    /// Replaces the stored persistent settings with `settings` in one transaction.
    public func savePersistent(_ settings: [String: SettingValue]) async throws {
        try await database.writer.write { db in
            try db.execute(sql: "DELETE FROM cluster_settings")
            for (key, value) in settings {
                try db.execute(
                    sql: "INSERT INTO cluster_settings (key, value) VALUES (?, ?)",
                    arguments: [key, value.json.compactText])
            }
        }
    }
}
