import EmulatorServer
import Testing

/// Node settings as OpenSearch takes them: `-E key=value` over an `opensearch.yml`-style file.
@Suite("Node settings")
struct NodeSettingsTests {
    @Test func fileAndArgumentsConfigureCORSAndTheNode() throws {
        let file = """
            # opensearch.yml
            cluster.name: my-cluster
            http:
              port: 9300
              cors:
                enabled: true
                allow-origin: '/https?://localhost(:[0-9]+)?/'   # a regex
                allow-headers: [X-Requested-With, Content-Type]
                allow-methods:
                  - GET
                  - post
            node.name: 'node-1'
            """
        var configuration = EmulatorConfiguration()
        try NodeSettings(file: file, arguments: ["http.cors.max-age=60", "http.port=0"]).apply(to: &configuration)
        #expect(configuration.clusterName == "my-cluster")
        #expect(configuration.nodeName == "node-1")
        #expect(configuration.port == 0)  // -E wins over the file
        #expect(configuration.cors.enabled)
        #expect(configuration.cors.allowOrigin == "/https?://localhost(:[0-9]+)?/")
        #expect(configuration.cors.allowHeaders == ["X-Requested-With", "Content-Type"])
        #expect(configuration.cors.allowMethods == ["GET", "POST"])
        #expect(configuration.cors.maxAge == 60)
    }

    @Test func unknownSettingsAndBadValuesStopTheStart() throws {
        #expect(throws: EmulatorStartupError.self) { try NodeSettings(file: nil, arguments: ["path.data=/tmp"]) }
        #expect(throws: EmulatorStartupError.self) { try NodeSettings(file: nil, arguments: ["http.cors.enabled"]) }
        var configuration = EmulatorConfiguration()
        #expect {
            try NodeSettings(file: nil, arguments: ["http.cors.enabled=yes"]).apply(to: &configuration)
        } throws: { error in
            "\(error)" == "Failed to parse value [yes] as only [true] or [false] are allowed. (setting [http.cors.enabled])"
        }
        #expect {
            try NodeSettings(file: "http.port: nine\n", arguments: []).apply(to: &configuration)
        } throws: { error in "\(error)" == "Failed to parse value [nine] for setting [http.port]" }
    }
}
