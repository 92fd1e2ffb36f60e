import GRDB
import Synchronization

/// Writes that arrive while a commit is on its way share the next transaction: one commit for the batch
/// instead of one per write. Each write runs in its own savepoint, so one that fails is rolled back alone,
/// and each caller resumes only after the transaction holding its write has committed.
///
/// The batch runs straight on the writer's queue and resumes its callers from there: an actor and an
/// async bridge between them put three more thread hand-offs on every write's path.
final class GroupCommit: Sendable {
    private struct PendingWrite: Sendable {
        let run: @Sendable (Database) throws -> any Sendable
        let finish: @Sendable (Result<any Sendable, any Error>) -> Void
    }

    private struct State {
        var pending: [PendingWrite] = []
        /// Whether a batch is scheduled on the writer's queue; it schedules the next one itself.
        var scheduled = false
    }

    private let writer: any DatabaseWriter
    private let pointReads: PointReadCache
    private let state = Mutex(State())

    init(writer: any DatabaseWriter, pointReads: PointReadCache) {
        self.writer = writer
        self.pointReads = pointReads
    }

    /// Runs `body` in the next group's transaction and returns its result once that transaction is committed.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let write = PendingWrite(
                run: { db in try body(db) },
                finish: { result in
                    // The value is always the `T` that `run` returned.
                    continuation.resume(with: result.map { $0 as! T })
                })
            let schedule = state.withLock { state in
                state.pending.append(write)
                defer { state.scheduled = true }
                return !state.scheduled
            }
            if schedule { scheduleBatch() }
        }
    }

    /// One batch per turn of the writer's queue, so other writes queued there (a reset, a migration) are not
    /// starved by a steady stream of grouped ones.
    private func scheduleBatch() {
        writer.asyncWriteWithoutTransaction { db in self.commitBatch(db) }
    }

    /// Commits the writes waiting now; those that queue meanwhile form the next batch.
    private func commitBatch(_ db: Database) {
        let batch = state.withLock { state in
            defer { state.pending.removeAll(keepingCapacity: true) }
            return state.pending
        }
        var results: [Result<any Sendable, any Error>] = []
        results.reserveCapacity(batch.count)
        do {
            // Prepared once: `Database.inTransaction` compiles BEGIN and COMMIT again for every batch, and
            // compiling (with GRDB's statement authorizer) cost more than a one-message batch's writes.
            try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
            do {
                for write in batch { results.append(try Self.run(write, db)) }
                try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
            } catch {
                if db.isInsideTransaction { try? db.cachedStatement(sql: "ROLLBACK TRANSACTION").execute() }
                throw error
            }
            // Before anyone hears of the commit, no cached read may predate it.
            pointReads.invalidate()
            for (write, result) in zip(batch, results) { write.finish(result) }
        } catch {
            pointReads.invalidate()
            for write in batch { write.finish(.failure(error)) }
        }
        let more = state.withLock { state in
            state.scheduled = !state.pending.isEmpty
            return state.scheduled
        }
        if more { scheduleBatch() }
    }

    /// One write in its own savepoint, so its failure undoes it alone. The savepoint statements are prepared
    /// once: `Database.inSavepoint` compiles them again for every write, on the one writer.
    private static func run(_ write: PendingWrite, _ db: Database) throws -> Result<any Sendable, any Error> {
        // SQLite ends the whole transaction on some errors (SQLITE_FULL, IOERR); nothing after that may commit.
        guard db.isInsideTransaction else { throw DatabaseError(resultCode: .SQLITE_ABORT, message: "the batch's transaction was rolled back") }
        try db.cachedStatement(sql: "SAVEPOINT grouped_write").execute()
        let outcome: Result<any Sendable, any Error>
        do {
            outcome = .success(try write.run(db))
        } catch {
            // Such an error leaves no savepoint to roll back to: the batch fails with it.
            guard db.isInsideTransaction else { throw error }
            try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT grouped_write").execute()
            outcome = .failure(error)
        }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT grouped_write").execute()
        return outcome
    }
}
