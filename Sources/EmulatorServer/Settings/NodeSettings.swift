import MLCommonsCore

/// Node settings given the way OpenSearch takes them: `-E key=value` on the command line and an
/// `opensearch.yml`-style file (`--config`), the command line winning. Only the settings the emulator
/// honours are accepted; any other key stops the start, as an unknown setting stops a node.
public struct NodeSettings: Sendable {
    /// The settings, flat keys to text values.
    public private(set) var values: [String: String] = [:]

    /// The keys the emulator honours.
    public static let known: [String] = [
        "http.cors.enabled", "http.cors.allow-origin", "http.cors.allow-methods", "http.cors.allow-headers",
        "http.cors.allow-credentials", "http.cors.max-age", "http.port", "http.host", "network.host", "cluster.name",
        "node.name",
    ]

    public init() {}

    /// Adds a file's settings (nested blocks or dotted keys), then `-E` arguments over them.
    public init(file: String?, arguments: [String]) throws(EmulatorStartupError) {
        if let file { try merge(NodeSettingsFile.parse(file)) }
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw EmulatorStartupError("setting [\(argument)] must be in the form key=value")
            }
            try merge([(String(argument[..<equals]), String(argument[argument.index(after: equals)...]))])
        }
    }

    private mutating func merge(_ pairs: [(String, String)]) throws(EmulatorStartupError) {
        for (key, value) in pairs {
            guard Self.known.contains(key) else {
                throw EmulatorStartupError(
                    "unknown setting [\(key)] please check that any required plugins are installed, or check the breaking "
                        + "changes documentation for removed settings; the emulator knows \(Self.known.joined(separator: ", "))")
            }
            values[key] = value
        }
    }

    /// Writes the settings into a configuration (flags given on the command line are applied after).
    public func apply(to configuration: inout EmulatorConfiguration) throws(EmulatorStartupError) {
        if let host = values["http.host"] ?? values["network.host"] { configuration.host = host }
        if let text = values["http.port"] {
            guard let port = Int(text), (0...65535).contains(port) else {
                throw EmulatorStartupError("Failed to parse value [\(text)] for setting [http.port]")
            }
            configuration.port = port
        }
        if let name = values["cluster.name"] { configuration.clusterName = name }
        if let name = values["node.name"] { configuration.nodeName = name }
        var cors = configuration.cors
        if let text = values["http.cors.enabled"] { cors.enabled = try Self.boolean(text, "http.cors.enabled") }
        if let text = values["http.cors.allow-origin"] { cors.allowOrigin = text }
        if let text = values["http.cors.allow-methods"] { cors.allowMethods = Self.list(text).map { $0.uppercased() } }
        if let text = values["http.cors.allow-headers"] { cors.allowHeaders = Self.list(text) }
        if let text = values["http.cors.allow-credentials"] {
            cors.allowCredentials = try Self.boolean(text, "http.cors.allow-credentials")
        }
        if let text = values["http.cors.max-age"] {
            guard let seconds = Int(text) else {
                throw EmulatorStartupError("Failed to parse value [\(text)] for setting [http.cors.max-age]")
            }
            cors.maxAge = seconds
        }
        configuration.cors = cors
    }

    private static func boolean(_ text: String, _ key: String) throws(EmulatorStartupError) -> Bool {
        do {
            return try JavaBoolean.parse(text)
        } catch {
            throw EmulatorStartupError("\(error.reason) (setting [\(key)])")
        }
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}
