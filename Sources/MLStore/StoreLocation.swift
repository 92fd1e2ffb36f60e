/// Where the SQLite store lives.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// A file on disk (WAL mode).
    case file(String)
    /// A throwaway in-memory database.
    case inMemory

    /// `:memory:` selects the in-memory store; anything else is a file path.
    public init(argument: String) {
        self = argument == ":memory:" ? .inMemory : .file(argument)
    }

    public var description: String {
        switch self {
        case .file(let path): return path
        case .inMemory: return ":memory:"
        }
    }
}
