/// Why the store cannot open or serve.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    private enum Reason: Sendable {
        case newerSchema(unknown: [String])
        case cannotOpen(String, underlying: String)
        case corruptDocument(index: String, id: String)
        case constraintViolated(String)
    }

    private let reason: Reason

    /// The file was written by a newer emulator whose migrations this one does not know.
    public static func newerSchema(unknown: [String]) -> StoreError { StoreError(reason: .newerSchema(unknown: unknown)) }
    /// SQLite could not open or migrate the file.
    public static func cannotOpen(_ path: String, underlying: any Error) -> StoreError {
        StoreError(reason: .cannotOpen(path, underlying: String(describing: underlying)))
    }
    /// A stored `_source` no longer parses (never written by this code).
    public static func corruptDocument(index: String, id: String) -> StoreError {
        StoreError(reason: .corruptDocument(index: index, id: id))
    }

    /// SQLite refused a write that broke one of the schema's constraints.
    public static func constraintViolated(_ detail: String) -> StoreError { StoreError(reason: .constraintViolated(detail)) }

    /// Whether the write was refused by a schema constraint (bad input, not a broken store).
    public var isConstraintViolation: Bool {
        if case .constraintViolated = reason { return true }
        return false
    }

    public var description: String {
        switch reason {
        case .newerSchema(let unknown):
            return "the data file was written by a newer ml-commons-emulator (unknown schema migrations: "
                + unknown.joined(separator: ", ") + "); upgrade the emulator or choose another --data path"
        case .cannotOpen(let path, let underlying):
            return "cannot open data file \(path): \(underlying)"
        case .corruptDocument(let index, let id):
            return "stored document [\(index)/\(id)] is not valid JSON"
        case .constraintViolated(let detail):
            return "the store refused the write: \(detail)"
        }
    }
}
