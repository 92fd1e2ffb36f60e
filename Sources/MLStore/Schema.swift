import GRDB

/// The store's schema as named, append-only migrations.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-indices-documents-settings") { db in
            try db.execute(sql: """
                CREATE TABLE indices (
                    name TEXT PRIMARY KEY NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
                    uuid TEXT NOT NULL UNIQUE,
                    mappings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(mappings)),
                    settings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
                    created_at INTEGER NOT NULL,
                    next_seq_no INTEGER NOT NULL DEFAULT 0 CHECK (next_seq_no >= 0),
                    docs_deleted INTEGER NOT NULL DEFAULT 0 CHECK (docs_deleted >= 0)
                );
                CREATE TABLE documents (
                    index_name TEXT NOT NULL REFERENCES indices(name) ON DELETE CASCADE,
                    id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 512),
                    version INTEGER NOT NULL CHECK (version >= 1),
                    seq_no INTEGER NOT NULL CHECK (seq_no >= 0),
                    primary_term INTEGER NOT NULL DEFAULT 1 CHECK (primary_term >= 1),
                    source TEXT NOT NULL CHECK (json_valid(source)),
                    PRIMARY KEY (index_name, id)
                );
                CREATE TABLE cluster_settings (
                    key TEXT PRIMARY KEY NOT NULL CHECK (length(key) > 0),
                    value TEXT NOT NULL CHECK (json_valid(value))
                );
                CREATE TABLE secrets (
                    name TEXT PRIMARY KEY NOT NULL,
                    value BLOB NOT NULL
                );
                """)
        }
        // Deleted documents leave no trace: search statistics and `docs.deleted` treat every delete as
        // merged away at once.
        migrator.registerMigration("v2-deletes-merged-at-once") { db in
            // Rebuilt rather than `DROP COLUMN`, which SQLite only has from 3.35.
            try db.execute(sql: """
                CREATE TABLE indices_v2 (
                    name TEXT PRIMARY KEY NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
                    uuid TEXT NOT NULL UNIQUE,
                    mappings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(mappings)),
                    settings TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
                    created_at INTEGER NOT NULL,
                    next_seq_no INTEGER NOT NULL DEFAULT 0 CHECK (next_seq_no >= 0)
                );
                INSERT INTO indices_v2 (rowid, name, uuid, mappings, settings, created_at, next_seq_no)
                    SELECT rowid, name, uuid, mappings, settings, created_at, next_seq_no FROM indices;
                DROP TABLE indices;
                ALTER TABLE indices_v2 RENAME TO indices;
                """)
        }
        return migrator
    }
}
