/// The four kinds of data a memory container keeps, each in its own index (`MemoryType`).
public enum AgenticMemoryType: String, Sendable, CaseIterable {
    case sessions
    case working
    case longTerm = "long-term"
    case history

    /// `MemoryType.fromString`: case-insensitive, else ml-commons' 400.
    public init(parsing text: String) throws(OpenSearchError) {
        guard let type = Self(rawValue: text.lowercased()) else {
            throw .illegalArgument("Invalid memory type: \(text). Must be one of: sessions, working, long-term, history")
        }
        self = type
    }

    /// The suffix of its index name after `<prefix>-memory-`.
    public var indexSuffix: String { rawValue }

    /// The `index_settings` key that configures its index.
    public var settingsKey: String {
        switch self {
        case .sessions: return "session_index"
        case .working: return "working_memory_index"
        case .longTerm: return "long_term_memory_index"
        case .history: return "long_term_memory_history_index"
        }
    }
}
