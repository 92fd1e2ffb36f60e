/// How log lines are written: for people, or one JSON object a line for log tools.
public enum LogFormat: String, Sendable, CaseIterable {
    /// `2026-11-30T03:42:53.123Z info GET /_plugins/_ml/models/x status=404 duration_ms=1.2 …`
    case text
    /// `{"@timestamp":"…","level":"info","message":"GET /_plugins/_ml/models/x","status":"404",…}`
    case json
}
