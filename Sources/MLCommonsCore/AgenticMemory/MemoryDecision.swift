/// One of the LLM's decisions about long-term memory (`MemoryDecision`).
public struct MemoryDecision: Sendable, Hashable {
    public enum Event: String, Sendable {
        case add = "ADD"
        case update = "UPDATE"
        case delete = "DELETE"
        case none = "NONE"
    }

    public var id: String?
    public var text: String?
    public var event: Event
    public var oldMemory: String?

    public init(id: String?, text: String?, event: Event, oldMemory: String? = nil) {
        self.id = id
        self.text = text
        self.event = event
        self.oldMemory = oldMemory
    }

    /// `MemoryDecision.parse`: `id` (or `memory_id`), `text`, `event`, `old_memory`.
    init(parsing value: JSONValue) throws(OpenSearchError) {
        let fields = try RequestObject(value)
        let memoryID = try fields.string("memory_id")
        id = try fields.string("id") ?? memoryID
        text = try fields.string("text")
        oldMemory = try fields.string("old_memory")
        guard let event = try fields.string("event") else { throw .illegalArgument("Memory event value cannot be null") }
        guard let known = Event(rawValue: event.uppercased()) else { throw .illegalArgument("Unknown memory event: \(event)") }
        self.event = known
    }
}
