import ArgumentParser
import EmulatorServer
import Foundation
import Hummingbird
import Logging
import MLCommonsCore
import MLStore

/// `ml-commons-emulator`: serves the OpenSearch ml-commons REST API from one process.
@main
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ml-commons-emulator",
        abstract: "Serves the OpenSearch 3.3 ml-commons REST API (connectors, models, agents, memory, streaming) from one process.",
        discussion: """
            Every option has an environment-variable twin, used when the option is not given:
              ML_EMULATOR_HOST, ML_EMULATOR_PORT, ML_EMULATOR_DATA, ML_EMULATOR_LOG_LEVEL, ML_EMULATOR_LOG_FORMAT,
              ML_EMULATOR_LLM, ML_EMULATOR_MOCK_SCRIPT, ML_EMULATOR_MOCK_TOKEN_DELAY_MS, ML_EMULATOR_CORS_ALLOW_ORIGIN,
              ML_EMULATOR_OPENSEARCH_VERSION, ML_EMULATOR_CONFIG, ML_EMULATOR_SECURITY, ML_EMULATOR_USERS,
              ML_EMULATOR_TLS_CERTIFICATE, ML_EMULATOR_TLS_KEY.
            Node settings are given as OpenSearch takes them: -E key=value (repeatable) and an
            opensearch.yml-style file (--config); -E wins over the file, and the options above over both.
            Known settings: \(NodeSettings.known.joined(separator: ", ")).
            ML_EMULATOR_MASTER_KEY sets the key that encrypts connector credentials (otherwise one is
            generated on first start and kept in the data file).
            ML_EMULATOR_CONTROL_TOKEN, when set, must accompany every state-changing /__emulator request
            (X-Emulator-Token header); set it when the emulator listens on a non-loopback address.
            """)

    @Option(help: "Address to listen on. [env: ML_EMULATOR_HOST] (default: 127.0.0.1)")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free port. [env: ML_EMULATOR_PORT] (default: 9200)")
    var port: Int?

    @Option(help: "SQLite data file, or :memory: for a throwaway store. [env: ML_EMULATOR_DATA] (default: ml-commons-emulator.sqlite)")
    var data: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical. [env: ML_EMULATOR_LOG_LEVEL] (default: info)")
    var logLevel: String?

    @Option(help: "text (a line a request, for people) or json (one JSON object a line, for log tools); logs go to standard error. [env: ML_EMULATOR_LOG_FORMAT] (default: text)")
    var logFormat: String?

    @Option(help: "mock: the built-in LLM answers the well-known provider hosts (api.openai.com, bedrock-runtime.*.amazonaws.com, generativelanguage.googleapis.com, …) in-process; live: they are called for real. Other hosts are always called for real. [env: ML_EMULATOR_LLM] (default: mock)")
    var llm: String?

    @Option(help: "A mock-LLM script (JSON, see fixtures/mock-llm/) to load at start. [env: ML_EMULATOR_MOCK_SCRIPT]")
    var mockScript: String?

    @Option(help: "Milliseconds between the tokens of a mock reply whose script sets no pacing; 0 answers at once. [env: ML_EMULATOR_MOCK_TOKEN_DELAY_MS] (default: 20)")
    var mockTokenDelayMs: Int?

    @Option(help: "Origins a web application may call the emulator from: *, origins separated by commas, or /regex/; the same as -E http.cors.enabled=true -E http.cors.allow-origin=…. Without CORS, cross-site requests that change state are refused. [env: ML_EMULATOR_CORS_ALLOW_ORIGIN]")
    var corsAllowOrigin: String?

    @Option(name: .customShort("E"), help: ArgumentHelp("A node setting, as OpenSearch's -E takes it: key=value (e.g. -E http.cors.enabled=true -E http.cors.allow-origin='*').", valueName: "setting"))
    var settings: [String] = []

    @Option(help: "An opensearch.yml-style file of node settings. [env: ML_EMULATOR_CONFIG]")
    var config: String?

    @Option(help: "The OpenSearch release to answer as: 3.3.0 to 3.9.0, or latest (3.9.0). It decides GET /, the ml settings and their defaults, and the stream chunks. [env: ML_EMULATOR_OPENSEARCH_VERSION] (default: 3.3.0)")
    var opensearchVersion: String?

    @Flag(help: "Serve as a cluster with the security plugin: HTTPS, HTTP basic auth, users. The admin password comes from OPENSEARCH_INITIAL_ADMIN_PASSWORD (or ML_EMULATOR_ADMIN_PASSWORD). [env: ML_EMULATOR_SECURITY=true]")
    var security = false

    @Option(help: "With --security: a users file in the shape of internal_users.yml (password in clear, backend_roles, opendistro_security_roles). [env: ML_EMULATOR_USERS]")
    var users: String?

    @Option(help: "With --security: the PEM certificate chain to serve; without it a self-signed one is made once and kept in the data file. [env: ML_EMULATOR_TLS_CERTIFICATE]")
    var tlsCertificate: String?

    @Option(help: "With --security: the PEM private key of --tls-certificate. [env: ML_EMULATOR_TLS_KEY]")
    var tlsKey: String?

    func validate() throws {
        if let text = opensearchVersion ?? ProcessInfo.processInfo.environment["ML_EMULATOR_OPENSEARCH_VERSION"],
            OpenSearchVersion(argument: text) == nil
        {
            throw ValidationError("unknown OpenSearch version '\(text)'; use one of \(OpenSearchVersion.accepted)")
        }
        if let text = llm ?? ProcessInfo.processInfo.environment["ML_EMULATOR_LLM"], LLMMode(rawValue: text) == nil {
            throw ValidationError("unknown --llm '\(text)'; use mock or live")
        }
        let environment = ProcessInfo.processInfo.environment
        if let text = logLevel ?? environment["ML_EMULATOR_LOG_LEVEL"], Logger.Level(rawValue: text) == nil {
            throw ValidationError("unknown log level '\(text)'; use trace, debug, info, notice, warning, error or critical")
        }
        if let text = logFormat ?? environment["ML_EMULATOR_LOG_FORMAT"], LogFormat(rawValue: text) == nil {
            throw ValidationError("unknown log format '\(text)'; use text or json")
        }
        if let text = environment["ML_EMULATOR_PORT"], port == nil, Int(text) == nil {
            throw ValidationError("ML_EMULATOR_PORT '\(text)' is not a port number")
        }
        if let text = environment["ML_EMULATOR_MOCK_TOKEN_DELAY_MS"], mockTokenDelayMs == nil, Int(text) == nil {
            throw ValidationError("ML_EMULATOR_MOCK_TOKEN_DELAY_MS '\(text)' is not a number of milliseconds")
        }
        if let delay = resolvedTokenDelay, !(0...60_000).contains(delay) {
            throw ValidationError("mock token delay \(delay) ms is out of range 0-60000")
        }
        if let port = resolvedPort, !(0...65535).contains(port) {
            throw ValidationError("port \(port) is out of range 0-65535")
        }
    }

    private var resolvedTokenDelay: Int? {
        mockTokenDelayMs ?? ProcessInfo.processInfo.environment["ML_EMULATOR_MOCK_TOKEN_DELAY_MS"].flatMap { Int($0) }
    }

    private var resolvedPort: Int? { port ?? ProcessInfo.processInfo.environment["ML_EMULATOR_PORT"].flatMap { Int($0) } }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var configuration = EmulatorConfiguration()
        do {
            var file: String?
            if let path = config ?? environment["ML_EMULATOR_CONFIG"] {
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw EmulatorStartupError("cannot read the config file \(path)")
                }
                file = text
            }
            try NodeSettings(file: file, arguments: settings).apply(to: &configuration)
        } catch {
            FileHandle.standardError.write(Data("ml-commons-emulator: \(error)\n".utf8))
            throw ExitCode(2)
        }
        configuration.host = host ?? environment["ML_EMULATOR_HOST"] ?? configuration.host
        configuration.port = resolvedPort ?? configuration.port
        if let path = data ?? environment["ML_EMULATOR_DATA"] { configuration.data = StoreLocation(argument: path) }
        if let level = (logLevel ?? environment["ML_EMULATOR_LOG_LEVEL"]).flatMap(Logger.Level.init(rawValue:)) {
            configuration.logLevel = level
        }
        configuration.masterKey = environment["ML_EMULATOR_MASTER_KEY"]
        if let mode = (llm ?? environment["ML_EMULATOR_LLM"]).flatMap(LLMMode.init(rawValue:)) { configuration.llm = mode }
        configuration.mockScript = mockScript ?? environment["ML_EMULATOR_MOCK_SCRIPT"]
        if let delay = resolvedTokenDelay { configuration.mockTokenDelay = .milliseconds(delay) }
        if let origins = corsAllowOrigin ?? environment["ML_EMULATOR_CORS_ALLOW_ORIGIN"] {
            configuration.cors.enabled = true
            configuration.cors.allowOrigin = origins
        }
        if let version = (opensearchVersion ?? environment["ML_EMULATOR_OPENSEARCH_VERSION"]).flatMap(OpenSearchVersion.init(argument:)) {
            configuration.opensearchVersion = version
        }
        configuration.controlToken = environment["ML_EMULATOR_CONTROL_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if security || ["true", "1"].contains(environment["ML_EMULATOR_SECURITY"]?.lowercased() ?? "") {
            do {
                configuration.security = try securityMode(environment)
            } catch {
                FileHandle.standardError.write(Data("ml-commons-emulator: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }

        let format = (logFormat ?? environment["ML_EMULATOR_LOG_FORMAT"]).flatMap(LogFormat.init(rawValue:)) ?? .text
        LoggingSystem.bootstrap { _ in EmulatorLogHandler(format: format) }
        var logger = Logger(label: "ml-commons-emulator")
        logger.logLevel = configuration.logLevel

        let emulator: Emulator
        do {
            emulator = try await Emulator(configuration: configuration, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("ml-commons-emulator: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let dataDescription = configuration.data.description
        let host = configuration.host
        let llmMode = configuration.llm.rawValue
        let version = configuration.opensearchVersion.rawValue
        let scheme = configuration.security == nil ? "http" : "https"
        let securityNote = configuration.security == nil ? "" : ", security: on"
        let app = try EmulatorApplication.make(emulator) { port in
            print("ml-commons-emulator listening on \(scheme)://\(host):\(port) (OpenSearch \(version), data: \(dataDescription), llm: \(llmMode)\(securityNote))")
            fflush(nil)
        }
        if !EmulatorApplication.isLoopback(host), configuration.controlToken == nil {
            logger.warning(
                "listening on \(host) without ML_EMULATOR_CONTROL_TOKEN: anyone who can reach this address can reset the emulator")
        }
        do {
            try await EmulatorApplication.run(app, gracePeriod: configuration.shutdownGracePeriod, logger: logger)
        } catch {
            let reason = EmulatorStartupError.describe(error, host: configuration.host, port: configuration.port)
            FileHandle.standardError.write(Data("ml-commons-emulator: \(reason)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The security mode from the options and the environment, as OpenSearch's image takes the admin password.
    private func securityMode(_ environment: [String: String]) throws -> SecurityMode {
        let password = environment["OPENSEARCH_INITIAL_ADMIN_PASSWORD"] ?? environment["ML_EMULATOR_ADMIN_PASSWORD"] ?? ""
        var mode = SecurityMode(adminPassword: password)
        if let path = users ?? environment["ML_EMULATOR_USERS"] {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw EmulatorStartupError("cannot read the users file \(path)")
            }
            mode.users = try SecurityMode.users(fromFile: text)
        }
        let certificate = tlsCertificate ?? environment["ML_EMULATOR_TLS_CERTIFICATE"]
        let key = tlsKey ?? environment["ML_EMULATOR_TLS_KEY"]
        switch (certificate, key) {
        case (let certificate?, let key?): mode.certificateFiles = (certificate, key)
        case (nil, nil): break
        default: throw EmulatorStartupError("--tls-certificate and --tls-key go together")
        }
        return mode
    }
}
