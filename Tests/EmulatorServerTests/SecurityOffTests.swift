import MLCommonsCore
import Testing

/// Without the security plugin, ml-commons refuses access-control fields on new model groups and
/// connectors, with these exact bodies (modelled on `MLModelGroupManagerTests`,
/// `TransportUpdateModelGroupActionTests` and `TransportCreateConnectorActionTests`).
@Suite("Access control with security off")
struct SecurityOffTests {
    static let modelRefusal = envelope(
        "illegal_argument_exception",
        "You cannot specify model access control parameters because the Security plugin or model access control is "
            + "disabled on your cluster.", status: 400)
    static let connectorRefusal = envelope(
        "illegal_argument_exception",
        "You cannot specify connector access control parameters because the Security plugin or connector access "
            + "control is disabled on your cluster.", status: 400)

    @Test(arguments: [
        #""access_mode":"private""#, #""access_mode":"PUBLIC""#, #""add_all_backend_roles":false"#,
        #""add_all_backend_roles":"true""#, #""backend_roles":["role"]"#,
    ])
    func modelGroupAccessFieldsAreRefused(_ fragment: String) async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.post, "/_plugins/_ml/model_groups/_register", #"{"name":"g",\#(fragment)}"#)
            #expect(reply.status == 400)
            #expect(reply.body == Self.modelRefusal)
            // Refused before the index is created.
            #expect(try await client.call(.get, "/_cat/indices/.plugins-ml-model-group").status == 404)
        }
    }

    @Test func harmlessFieldsPassAndGroupsArePublic() async throws {
        try await EmulatorHarness.withServer { client in
            // An empty role list and an unknown mode read as absent; `owner` is not a field at all.
            let id = try await client.id(
                .post, "/_plugins/_ml/model_groups/_register",
                #"{"name":"g","description":"d","backend_roles":[],"access_mode":"bogus","owner":{"name":"x"}}"#,
                field: "model_group_id")
            let group = try await client.call(.get, "/_plugins/_ml/model_groups/\(id)").json
            #expect(group.objectValue?.keys == ["name", "latest_version", "description", "access", "created_time", "last_updated_time"])
            #expect(group["access"] == "public")
            // A duplicate name is refused before the access fields are looked at.
            let duplicate = try await client.call(.post, "/_plugins/_ml/model_groups/_register", #"{"name":"g","access_mode":"public"}"#)
            #expect(duplicate.body == envelope(
                "illegal_argument_exception", "The name you provided is already being used by a model group with ID: \(id).", status: 400))
        }
    }

    @Test func updatesCheckAfterTheGroupIsFound() async throws {
        try await EmulatorHarness.withServer { client in
            let id = try await client.id(.post, "/_plugins/_ml/model_groups/_register", #"{"name":"g"}"#, field: "model_group_id")
            let missing = try await client.call(.put, "/_plugins/_ml/model_groups/nope", #"{"access_mode":"public"}"#)
            #expect(missing.status == 404)
            let refused = try await client.call(.put, "/_plugins/_ml/model_groups/\(id)", #"{"name":"h","backend_roles":["r"]}"#)
            #expect(refused.body == Self.modelRefusal)
            // An empty role list passes the check, and is still written: the group becomes restricted.
            let emptied = try await client.call(.put, "/_plugins/_ml/model_groups/\(id)", #"{"backend_roles":[]}"#)
            #expect(emptied.body == #"{"status":"Updated"}"#)
            let group = try await client.call(.get, "/_plugins/_ml/model_groups/\(id)").json
            #expect(group["access"] == "restricted")
            #expect(group["backend_roles"] == nil)
            let hit = try await client.call(.get, "/_plugins/_ml/model_groups/_search").json["hits"]?["hits"]?.arrayValue?.first
            #expect(hit?["_source"]?["backend_roles"] == [])
        }
    }

    @Test func registeringAModelChecksTheGroupItCreates() async throws {
        try await EmulatorHarness.withServer { client in
            let connector = try await client.id(.post, "/_plugins/_ml/connectors/_create", Fixture.openAIConnector, field: "connector_id")
            let body = { (extra: String) in
                #"{"name":"m","function_name":"remote","connector_id":"\#(connector)",\#(extra)}"#
            }
            let refused = try await client.call(.post, "/_plugins/_ml/models/_register", body(#""access_mode":"public""#))
            #expect(refused.body == Self.modelRefusal)
            #expect(try await client.call(.get, "/_cat/indices/.plugins-ml-task").status == 404)
            // The model input does not lower-case the mode: `PUBLIC` is no mode, and passes.
            let accepted = try await client.call(.post, "/_plugins/_ml/models/_register", body(#""access_mode":"PUBLIC""#))
            #expect(accepted.status == 200)
            // Into an existing group, the fields are ignored.
            let again = try await client.call(.post, "/_plugins/_ml/models/_register", body(#""backend_roles":["r"]"#))
            #expect(again.status == 200)
        }
    }

    @Test func connectorsRefuseThemOnCreateAndStoreThemOnUpdate() async throws {
        try await EmulatorHarness.withServer { client in
            let withMode = Fixture.openAIConnector.replacingAll(#""version": 1,"#, with: #""version": 1, "access_mode": "public","#)
            #expect(try await client.call(.post, "/_plugins/_ml/connectors/_create", withMode).body == Self.connectorRefusal)
            let withFlag = Fixture.openAIConnector.replacingAll(#""version": 1,"#, with: #""version": 1, "add_all_backend_roles": false,"#)
            #expect(try await client.call(.post, "/_plugins/_ml/connectors/_create", withFlag).body == Self.connectorRefusal)
            // An untrusted URL is reported before the access fields.
            let untrusted = withMode.replacingAll("api.openai.com", with: "example.invalid")
            #expect(try await client.call(.post, "/_plugins/_ml/connectors/_create", untrusted).body.contains("Connector URL is not matching the trusted connector endpoint regex"))

            let noRoles = Fixture.openAIConnector.replacingAll(#""version": 1,"#, with: #""version": 1, "backend_roles": [],"#)
            let id = try await client.id(.post, "/_plugins/_ml/connectors/_create", noRoles, field: "connector_id")
            #expect(try await client.call(.get, "/_plugins/_ml/connectors/\(id)").json["backend_roles"] == nil)
            let update = try await client.call(.put, "/_plugins/_ml/connectors/\(id)", #"{"backend_roles":["r"],"access_mode":"restricted"}"#)
            #expect(update.status == 200)
            let stored = try await client.call(.get, "/_plugins/_ml/connectors/\(id)").json
            #expect(stored["backend_roles"] == ["r"])
            #expect(stored["access"] == "restricted")
        }
    }
}
