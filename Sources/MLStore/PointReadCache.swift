import MLCommonsCore
import Synchronization

/// Parsed point reads (a document by index and id, or which of the two is missing), so a `GET` by id does not
/// parse the same JSON again: parsing was the larger part of its read.
///
/// Every committed write empties it. A read that began before a commit may not fill it after that commit: each fill
/// carries the generation seen before its read, and a write moves the generation on.
final class PointReadCache: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var entries: [Key: DocumentLookup] = [:]
    }

    private struct Key: Hashable {
        let index: String
        let id: String
    }

    /// Bounds kept small: documents larger than this (model chunks, long conversations) are read each time.
    static let maximumEntries = 4_096
    static let maximumSourceCharacters = 16_384

    private let state = Mutex(State())

    /// The cached answer, or the generation a fill after a fresh read must present.
    func lookup(_ index: String, id: String) -> (hit: DocumentLookup?, generation: UInt64) {
        state.withLock { ($0.entries[Key(index: index, id: id)], $0.generation) }
    }

    /// Keeps `lookup` unless a write committed since `generation` was read.
    func fill(_ index: String, id: String, with lookup: DocumentLookup, sourceCharacters: Int, generation: UInt64) {
        guard sourceCharacters <= Self.maximumSourceCharacters else { return }
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= Self.maximumEntries { state.entries.removeAll(keepingCapacity: true) }
            state.entries[Key(index: index, id: id)] = lookup
        }
    }

    /// After a commit (or a rollback, which changes nothing but costs nothing to treat alike).
    func invalidate() {
        state.withLock { state in
            state.generation &+= 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }
}
