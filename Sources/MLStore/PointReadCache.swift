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
        /// The stored JSON text the entries were parsed from, in bytes.
        var sourceBytes = 0
    }

    private struct Key: Hashable {
        let index: String
        let id: String
    }

    /// Bounds kept small: documents larger than this (model chunks, long conversations) are read each time, and the
    /// cache starts over past 4 MB of source text.
    static let maximumDocumentBytes = 16_384
    static let maximumSourceBytes = 4 << 20

    private let state = Mutex(State())

    /// The cached answer, or the generation a fill after a fresh read must present.
    func lookup(_ index: String, id: String) -> (hit: DocumentLookup?, generation: UInt64) {
        state.withLock { ($0.entries[Key(index: index, id: id)], $0.generation) }
    }

    /// Keeps `lookup` unless a write committed since `generation` was read.
    func fill(_ index: String, id: String, with lookup: DocumentLookup, documentBytes: Int, generation: UInt64) {
        guard documentBytes <= Self.maximumDocumentBytes else { return }
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.sourceBytes + documentBytes > Self.maximumSourceBytes {
                state.entries.removeAll(keepingCapacity: true)
                state.sourceBytes = 0
            }
            // An entry filled twice (two reads racing) counts twice until the next commit; the bound stays a bound.
            state.entries[Key(index: index, id: id)] = lookup
            state.sourceBytes += documentBytes
        }
    }

    /// After a commit (or a rollback, which changes nothing but costs nothing to treat alike).
    func invalidate() {
        state.withLock { state in
            state.generation &+= 1
            state.entries.removeAll(keepingCapacity: true)
            state.sourceBytes = 0
        }
    }
}
