import Foundation
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
        // A conversation's messages and a message's traces are read by field on every agent run; without an
        // index each read parsed every message of every conversation.
        migrator.registerMigration("v3-message-lookups") { db in
            try db.execute(sql: """
                CREATE INDEX documents_message_memory_id ON documents (json_extract(source, '$."memory_id"'))
                    WHERE index_name = '.plugins-ml-memory-message';
                CREATE INDEX documents_message_parent_id ON documents (json_extract(source, '$."parent_message_id"'))
                    WHERE index_name = '.plugins-ml-memory-message';
                """)
        }
        // Counts kept as documents come and go, so `_cat/indices` and ListIndexTool do not read every
        // document of every index (an agent calling ListIndexTool slowed as its memory grew).
        migrator.registerMigration("v4-index-counts") { db in
            try db.execute(sql: """
                ALTER TABLE indices ADD COLUMN doc_count INTEGER NOT NULL DEFAULT 0 CHECK (doc_count >= 0);
                ALTER TABLE indices ADD COLUMN store_chars INTEGER NOT NULL DEFAULT 0 CHECK (store_chars >= 0);
                UPDATE indices SET
                    doc_count = (SELECT COUNT(*) FROM documents d WHERE d.index_name = indices.name),
                    store_chars = (SELECT COALESCE(SUM(length(d.source)), 0) FROM documents d WHERE d.index_name = indices.name);
                CREATE TRIGGER documents_count_insert AFTER INSERT ON documents BEGIN
                    UPDATE indices SET doc_count = doc_count + 1, store_chars = store_chars + length(NEW.source)
                    WHERE name = NEW.index_name;
                END;
                CREATE TRIGGER documents_count_update AFTER UPDATE OF source ON documents BEGIN
                    UPDATE indices SET store_chars = store_chars - length(OLD.source) + length(NEW.source)
                    WHERE name = NEW.index_name;
                END;
                CREATE TRIGGER documents_count_delete AFTER DELETE ON documents BEGIN
                    UPDATE indices SET doc_count = doc_count - 1, store_chars = store_chars - length(OLD.source)
                    WHERE name = OLD.index_name;
                END;
                """)
        }
        return migrator
    }

    /// `documents WHERE index = … AND field = …` with both written into the SQL, so SQLite can use a partial
    /// index on them (it cannot prove a bound parameter equal to the index's condition).
    static func fieldLookup(index: String, field: String) -> String {
        let quotedIndex = "'" + index.replacingOccurrences(of: "'", with: "''") + "'"
        let path = "'$.\"" + field.replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: "'", with: "''") + "\"'"
        return "SELECT * FROM documents WHERE index_name = \(quotedIndex) AND json_extract(source, \(path)) = ? ORDER BY rowid"
    }
}
