import MLCommonsCore
import RemoteInference

/// One AG-UI event as ml-commons writes it (`BaseEvent.toXContent`): `type`, `timestamp` (epoch milliseconds),
/// then the event's own fields, framed as `data: <json>\n\n`.
public struct AGUIEvent: ServerSentChunk, Hashable {
    public var type: String
    public var timestamp: Int64
    public var fields: [(String, JSONValue)]

    public init(_ type: String, timestamp: Int64, _ fields: [(String, JSONValue)]) {
        self.type = type
        self.timestamp = timestamp
        self.fields = fields
    }

    public var text: String {
        let object = JSONObject([("type", .string(type)), ("timestamp", .number(JSONNumber(text: String(timestamp))))] + fields)
        return "data: " + JSONWriter().string(.object(object)) + "\n\n"
    }

    public static func == (lhs: AGUIEvent, rhs: AGUIEvent) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
