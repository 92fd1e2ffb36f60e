import Foundation
import Logging
import MLCommonsCore

/// The emulator's log lines: a UTC timestamp, the level, the message and its metadata, as text or JSON,
/// written whole (one `write` a line) so lines from concurrent requests never interleave.
public struct EmulatorLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    public let format: LogFormat
    private let output: @Sendable (String) -> Void

    /// A handler writing each line to `output` (standard error unless told otherwise).
    public init(format: LogFormat, output: @escaping @Sendable (String) -> Void = Self.standardError) {
        self.format = format
        self.output = output
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        for (key, value) in event.metadata ?? [:] { merged[key] = value }
        output(line(level: event.level, message: "\(event.message)", metadata: merged, at: .now()))
    }

    /// One line, without its line feed.
    func line(level: Logger.Level, message: String, metadata: Logger.Metadata, at time: InstantTime) -> String {
        // Milliseconds, always three digits, so lines align.
        let timestamp = InstantTime(seconds: time.seconds, nanoseconds: time.nanoseconds / 1_000_000 * 1_000_000).iso8601
        let fields = metadata.sorted { $0.key < $1.key }
        switch format {
        case .text:
            var line = "\(timestamp) \(level.rawValue) \(message)"
            for (key, value) in fields { line += " \(key)=\(Self.textValue(value))" }
            return line
        case .json:
            var object: JSONObject = [
                "@timestamp": .string(timestamp), "level": .string(level.rawValue), "message": .string(message),
            ]
            for (key, value) in fields { object[key] = .string("\(value)") }
            return JSONWriter().string(.object(object))
        }
    }

    /// A metadata value as text: bare when it has no space, quote or `=`, else quoted with escapes.
    static func textValue(_ value: Logger.Metadata.Value) -> String {
        let text = "\(value)"
        guard text.isEmpty || text.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) else {
            return text
        }
        return "\"" + JSONWriter().escaped(text) + "\""
    }

    /// Writes a line and its line feed to standard error in one call.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
