/// The settings one release knows, in the order `include_defaults` lists them, looked up by key.
public struct SettingsCatalogue: Sendable {
    public let definitions: [SettingDefinition]
    private let byKey: [String: SettingDefinition]

    public init(_ definitions: [SettingDefinition]) {
        self.definitions = definitions
        byKey = Dictionary(definitions.map { ($0.key, $0) }) { first, _ in first }
    }

    /// The settings of ml-commons 3.3, the default release.
    public static let standard = SettingsCatalogue(VersionProfile(.default).settings)

    public func definition(_ key: String) -> SettingDefinition? { byKey[key] }

    /// Every known setting's default, for `include_defaults`.
    public var defaults: [String: SettingValue] { byKey.mapValues(\.defaultValue) }
}
