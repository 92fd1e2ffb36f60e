import MLCommonsCore
import MLStore
import Synchronization

/// The live cluster settings: reads are snapshots, updates persist the persistent scope first.
///
/// Updates are serialized by the actor; reads take the latest snapshot without a hop onto it, since nearly
/// every request reads a setting.
public actor ClusterSettingsService {
    private var settings: ClusterSettings {
        didSet { snapshot.withLock { $0 = settings } }
    }
    private let snapshot: Mutex<ClusterSettings>
    private let store: SettingsStore

    init(store: SettingsStore, catalogue: SettingsCatalogue) async throws {
        self.store = store
        let settings = ClusterSettings(catalogue: catalogue, persistent: try await store.loadPersistent())
        self.settings = settings
        self.snapshot = Mutex(settings)
    }

    public nonisolated var current: ClusterSettings { snapshot.withLock { $0 } }

    public nonisolated func isEnabled(_ key: String) -> Bool { current.isEnabled(key) }

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
        // One assignment, so readers never see the transient scope cleared and the persistent one not yet.
        var next = settings
        next.transient = [:]
        if includingPersistent { next.persistent = [:] }
        settings = next
    }
}
