import GRDB

/// Writes that arrive while a commit is on its way share the next transaction: one fsync for the batch
/// instead of one per write. Each write runs in its own savepoint, so one that fails is rolled back alone,
/// and each caller resumes only after the transaction holding its write has committed.
actor GroupCommit {
    private struct PendingWrite: Sendable {
        let run: @Sendable (Database) throws -> any Sendable
        let finish: @Sendable (Result<any Sendable, any Error>) -> Void
    }

    private let writer: any DatabaseWriter
    private let pointReads: PointReadCache
    private var pending: [PendingWrite] = []
    private var committing = false

    init(writer: any DatabaseWriter, pointReads: PointReadCache) {
        self.writer = writer
        self.pointReads = pointReads
    }

    /// Runs `body` in the next group's transaction and returns its result once that transaction is durable.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            pending.append(PendingWrite(
                run: { db in try body(db) },
                finish: { result in
                    // The value is always the `T` that `run` returned.
                    continuation.resume(with: result.map { $0 as! T })
                }))
            if !committing {
                committing = true
                Task { await commitPending() }
            }
        }
    }

    /// Commits batches until none is waiting; the writes that queue during a commit form the next batch.
    private func commitPending() async {
        while !pending.isEmpty {
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            do {
                let results = try await writer.write { db in
                    batch.map { write -> Result<any Sendable, any Error> in
                        var outcome: Result<any Sendable, any Error> = .failure(CancellationError())
                        do {
                            try db.inSavepoint {
                                outcome = .success(try write.run(db))
                                return .commit
                            }
                        } catch {
                            outcome = .failure(error)
                        }
                        return outcome
                    }
                }
                // Before anyone hears of the commit, no cached read may predate it.
                pointReads.invalidate()
                for (write, result) in zip(batch, results) { write.finish(result) }
            } catch {
                pointReads.invalidate()
                for write in batch { write.finish(.failure(error)) }
            }
        }
        committing = false
    }
}
