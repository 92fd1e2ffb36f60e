import Logging
import MLStore

/// How an emulator instance runs; the executable fills it from flags and environment variables.
public struct EmulatorConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 9200
    public var data: StoreLocation = .file("ml-commons-emulator.sqlite")
    public var logLevel: Logger.Level = .info
    /// Text of the credential master key; nil keeps a generated key in the store.
    public var masterKey: String?
    /// `http.max_content_length`: larger bodies answer 413.
    public var maxContentLength = 100 * 1024 * 1024
    public var clusterName = "ml-commons-emulator"
    public var nodeName = "ml-commons-emulator-node"

    public init() {}
}
