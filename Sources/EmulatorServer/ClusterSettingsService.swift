import MLCommonsCore
import MLStore

/// The live cluster settings: reads are snapshots, updates persist the persistent scope first.
public actor ClusterSettingsService {
    private var settings: ClusterSettings
    private let store: SettingsStore

    init(store: SettingsStore, catalogue: SettingsCatalogue) async throws {
        self.store = store
        self.settings = ClusterSettings(catalogue: catalogue, persistent: try await store.loadPersistent())
    }

    public var current: ClusterSettings { settings }

    public func isEnabled(_ key: String) -> Bool { settings.isEnabled(key) }

    /// Validates and applies an update; returns the applied deltas.
    func apply(_ update: [ClusterSettings.Scope: [(key: String, value: JSONValue)]]) async throws
        -> [ClusterSettings.Scope: [String: SettingValue]]
    {
        var next = settings
        let applied = try next.apply(update)
        if next.persistent != settings.persistent { try await store.savePersistent(next.persistent) }
        settings = next
        return applied
    }

    /// Drops transient settings (and persistent ones when asked), as the control-plane reset does.
    func reset(includingPersistent: Bool) {
        settings.transient = [:]
        if includingPersistent { settings.persistent = [:] }
    }
}
