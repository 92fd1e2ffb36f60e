/// The cluster's persistent and transient settings, and the rules `PUT _cluster/settings` applies.
public struct ClusterSettings: Sendable {
    /// The two scopes of a settings update.
    public enum Scope: String, Sendable, CaseIterable {
        case persistent
        case transient
    }

    public var persistent: [String: SettingValue]
    public var transient: [String: SettingValue]
    /// The settings the release knows: their kinds, defaults and whether they can change.
    public let catalogue: SettingsCatalogue

    public init(
        catalogue: SettingsCatalogue = .standard, persistent: [String: SettingValue] = [:],
        transient: [String: SettingValue] = [:]
    ) {
        self.catalogue = catalogue
        self.persistent = persistent
        self.transient = transient
    }

    /// The value in force: transient over persistent over the default.
    public func value(_ key: String) -> SettingValue? {
        transient[key] ?? persistent[key] ?? catalogue.definition(key)?.defaultValue
    }

    /// Whether a boolean setting is on.
    public func isEnabled(_ key: String) -> Bool {
        if case .string(let text) = value(key) { return text == "true" }
        return false
    }

    /// The strings of a list setting.
    public func list(_ key: String) -> [String] {
        switch value(key) {
        case .list(let items): return items
        case .string(let text): return [text]
        case nil: return []
        }
    }

    /// Validates every key of `update` first, then applies it; returns what was applied in each scope.
    public mutating func apply(
        _ update: [Scope: [(key: String, value: JSONValue)]]
    ) throws(OpenSearchError) -> [Scope: [String: SettingValue]] {
        var next = self
        var applied: [Scope: [String: SettingValue]] = [:]
        for scope in Scope.allCases {
            var delta: [String: SettingValue] = [:]
            for (key, value) in update[scope] ?? [] {
                if value == .null {
                    next.reset(key, in: scope)
                    continue
                }
                guard let definition = catalogue.definition(key) else {
                    throw .illegalArgument("\(scope.rawValue) setting [\(key)], not recognized")
                }
                guard definition.isDynamic else {
                    throw .illegalArgument("final \(scope.rawValue) setting [\(key)], not updateable")
                }
                let parsed = try definition.parse(value)
                delta[key] = parsed
                next[scope][key] = parsed
            }
            applied[scope] = delta
        }
        self = next
        return applied
    }

    private mutating func reset(_ pattern: String, in scope: Scope) {
        if pattern.hasSuffix("*") {
            let prefix = String(pattern.dropLast())
            self[scope] = self[scope].filter { !$0.key.hasPrefix(prefix) }
        } else {
            self[scope][pattern] = nil
        }
    }

    /// One scope's map.
    public subscript(scope: Scope) -> [String: SettingValue] {
        get { scope == .persistent ? persistent : transient }
        set {
            if scope == .persistent { persistent = newValue } else { transient = newValue }
        }
    }
}
