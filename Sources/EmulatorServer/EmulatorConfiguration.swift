import Logging
import MLCommonsCore
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
    /// Where calls to well-known provider hosts go: the in-process mock LLM, or the real provider.
    public var llm: LLMMode = .mock
    /// A mock-LLM script (JSON) to load at start; nil answers `Mock reply to: <last user message>`.
    public var mockScript: String?
    /// Pause between the tokens of a mock reply whose script sets no pacing, so a stream is seen arriving;
    /// zero answers at once.
    public var mockTokenDelay: Duration = .milliseconds(20)
    /// Access keys whose SigV4 signatures the mock LLM verifies (id → secret).
    public var mockAWSKeys: [String: String] = ["AKIDEXAMPLE": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"]
    public var clusterName = "ml-commons-emulator"
    /// `http.cors.*`; with CORS off, cross-site requests that change state are refused.
    public var cors = CORSSettings()
    /// When set, state-changing `/__emulator` requests must present it (`X-Emulator-Token`).
    public var controlToken: String?
    /// How long a connection may sit without a complete request before it is closed.
    public var idleTimeout: Duration = .seconds(60)
    /// How long shutdown waits for in-flight requests (streams and upstream calls) before cancelling them.
    public var shutdownGracePeriod: Duration = .seconds(5)
    public var nodeName = "ml-commons-emulator-node"
    /// The security plugin's mode (HTTPS, users, basic auth); nil serves plain HTTP without users.
    public var security: SecurityMode?
    /// The OpenSearch release the emulator answers as.
    public var opensearchVersion: OpenSearchVersion = .default

    public init() {}
}

/// How the emulator answers calls to the well-known LLM providers.
public enum LLMMode: String, Sendable, CaseIterable {
    /// The built-in mock answers them in-process; no keys, no network.
    case mock
    /// They go to the real providers.
    case live
}
