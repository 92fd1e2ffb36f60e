/// One cluster setting the emulator knows: its key, value kind and default.
public struct SettingDefinition: Sendable, Hashable {
    /// The shape of a setting's value, which decides its parsing and its error messages.
    public enum Kind: Sendable, Hashable {
        case boolean
        case integer(minimum: Int?, maximum: Int?)
        case string
        case stringList
    }

    public let key: String
    public let kind: Kind
    /// The default as OpenSearch renders it (`"true"`, `"90"`, or a list of strings).
    public let defaultValue: SettingValue
    /// Static settings can only be set in `opensearch.yml`, never through the API.
    public let isDynamic: Bool

    public init(_ key: String, _ kind: Kind, default defaultValue: SettingValue, isDynamic: Bool = true) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
        self.isDynamic = isDynamic
    }
}
