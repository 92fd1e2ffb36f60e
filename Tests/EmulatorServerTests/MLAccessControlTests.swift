import Foundation
import MLCommonsCore
import NIOHTTP1
import Testing
@testable import EmulatorServer

/// ml-commons' access control with users, modelled on its `MLModelGroupRestIT` and `SecureMLRestIT`: model groups
/// by access mode and backend role, the models in them, connectors, and conversation memories by owner.
@Suite("ml-commons access control with users")
struct MLAccessControlTests {
    static let users = """
        user1:
          password: "User1-Secret-42"
          backend_roles: ["IT", "HR"]
          opendistro_security_roles: ["ml_full_access"]
        user2:
          password: "User2-Secret-42"
          backend_roles: ["IT"]
          opendistro_security_roles: ["ml_full_access"]
        user3:
          password: "User3-Secret-42"
          backend_roles: ["Finance"]
          opendistro_security_roles: ["ml_full_access"]
        user4:
          password: "User4-Secret-42"
          opendistro_security_roles: ["ml_full_access"]
        """
    static let admin = SecurityModeTests.admin
    static func user(_ number: Int) -> (String, String) { ("user\(number)", "User\(number)-Secret-42") }

    /// A secure server with model and connector access control on.
    static func withAccessControl(_ body: @Sendable (SecurityModeTests.PinnedClient) async throws -> Void) async throws {
        try await SecurityModeTests.withSecureServer(users: users) { client, _ in
            let settings = #"{"persistent":{"plugins.ml_commons.model_access_control_enabled":true,"plugins.ml_commons.connector_access_control_enabled":true}}"#
            #expect(try await client.call(.PUT, "/_cluster/settings", user: admin, body: settings).status == 200)
            try await body(client)
        }
    }

    static func group(
        _ client: SecurityModeTests.PinnedClient, _ name: String, by user: (String, String), _ fields: String = ""
    ) async throws -> SecurityModeTests.Answer {
        try await client.call(
            .POST, "/_plugins/_ml/model_groups/_register", user: user,
            body: #"{"name":"\#(name)","description":"This is a test model group"\#(fields)}"#)
    }

    static func id(_ answer: SecurityModeTests.Answer, _ field: String) throws -> String {
        try #require(try JSONParser.parse(answer.body)[field]?.stringValue, "\(answer.body)")
    }

    static func reason(_ answer: SecurityModeTests.Answer) -> String? {
        (try? JSONParser.parse(answer.body))?["error"]?["reason"]?.stringValue
    }

    @Test func searchShowsEachUserThePublicTheSharedAndTheirOwnPrivateGroups() async throws {
        try await Self.withAccessControl { client in
            let registrations: [((String, String), String)] = [
                (Self.admin, #","backend_roles":["IT"],"access_mode":"RESTRICTED""#), (Self.admin, #","access_mode":"PUBLIC""#),
                (Self.admin, #","access_mode":"PRIVATE""#), (Self.user(1), #","access_mode":"RESTRICTED","add_all_backend_roles":true"#),
                (Self.user(1), #","access_mode":"PRIVATE""#), (Self.user(2), #","access_mode":"RESTRICTED","add_all_backend_roles":true"#),
                (Self.user(3), #","access_mode":"RESTRICTED","add_all_backend_roles":true"#), (Self.user(3), #","access_mode":"PUBLIC""#),
                (Self.user(3), #","access_mode":"PRIVATE""#), (Self.user(4), #","access_mode":"PUBLIC""#),
                (Self.user(4), #","access_mode":"PRIVATE""#),
            ]
            for (offset, (user, fields)) in registrations.enumerated() {
                let answer = try await Self.group(client, "group-\(offset)", by: user, fields)
                #expect(answer.status == 200, "\(answer.body)")
            }
            for (user, expected) in [(Self.admin, 11), (Self.user(1), 7), (Self.user(2), 6), (Self.user(3), 5), (Self.user(4), 4)] {
                let answer = try await client.call(
                    .POST, "/_plugins/_ml/model_groups/_search", user: user, body: #"{"query":{"match_all":{}},"size":100}"#)
                #expect(try JSONParser.parse(answer.body)["hits"]?["total"]?["value"]?.numberValue?.intValue == expected, "\(user.0)")
            }
        }
    }

    @Test func registrationsAreRefusedWithMLCommonsMessages() async throws {
        try await Self.withAccessControl { client in
            let cases: [((String, String), String, String)] = [
                (Self.admin, #","access_mode":"RESTRICTED","add_all_backend_roles":true"#, "Admin users cannot add all backend roles to a model group."),
                (Self.user(1), #","backend_roles":["IT"],"access_mode":"RESTRICTED","add_all_backend_roles":true"#, "You cannot specify backend roles and add all backend roles at the same time."),
                (Self.user(1), #","backend_roles":["IT"],"access_mode":"PUBLIC""#, "You can specify backend roles only for a model group with the restricted access mode."),
                (Self.user(1), #","access_mode":"PRIVATE","add_all_backend_roles":true"#, "You can specify backend roles only for a model group with the restricted access mode."),
                (Self.user(4), #","access_mode":"RESTRICTED","add_all_backend_roles":true"#, "You must have at least one backend role to register a restricted model group."),
                (Self.user(3), #","access_mode":"RESTRICTED""#, "You must specify one or more backend roles or add all backend roles to register a restricted model group."),
                (Self.user(2), #","backend_roles":["Finance"],"access_mode":"RESTRICTED""#, "You don't have the backend roles specified."),
            ]
            for (offset, (user, fields, message)) in cases.enumerated() {
                let answer = try await Self.group(client, "refused-\(offset)", by: user, fields)
                #expect(answer.status == 400)
                #expect(answer.body == envelope("illegal_argument_exception", message, status: 400))
            }
        }
    }

    @Test func updatesFollowOwnerAdminAndBackendRoles() async throws {
        try await Self.withAccessControl { client in
            let group = try Self.id(
                try await Self.group(client, "shared", by: Self.user(1), #","access_mode":"RESTRICTED","add_all_backend_roles":true"#),
                "model_group_id")
            func update(_ user: (String, String), _ body: String) async throws -> SecurityModeTests.Answer {
                try await client.call(.PUT, "/_plugins/_ml/model_groups/\(group)", user: user, body: body)
            }
            #expect(try await update(Self.user(2), #"{"name":"renamed","description":"d"}"#).body == #"{"status":"Updated"}"#)
            #expect(try await update(Self.user(1), #"{"backend_roles":["IT"],"access_mode":"RESTRICTED"}"#).status == 200)
            #expect(try await update(Self.admin, #"{"backend_roles":["IT","HR"],"access_mode":"RESTRICTED"}"#).status == 200)
            #expect(Self.reason(try await update(Self.user(1), #"{"backend_roles":["Finance"],"access_mode":"RESTRICTED"}"#))
                == "You don't have the backend roles specified.")
            #expect(Self.reason(try await update(Self.user(2), #"{"backend_roles":["IT"],"access_mode":"RESTRICTED"}"#))
                == "Only owner or admin can update access control data.")
            #expect(Self.reason(try await update(Self.user(3), #"{"name":"x","description":"y"}"#))
                == "You don't have permission to update this model group.")
            #expect(Self.reason(try await update(Self.user(1), #"{"backend_roles":["HR"],"access_mode":"PUBLIC"}"#))
                == "You can specify backend roles only for a model group with the restricted access mode.")
            let stored = try JSONParser.parse(try await client.call(.GET, "/_plugins/_ml/model_groups/\(group)", user: Self.admin).body)
            #expect(stored["backend_roles"] == ["IT", "HR"])
            #expect(stored["access"] == "restricted")
            #expect(stored["owner"]?["name"] == "user1")
            #expect(stored["owner"]?["backend_roles"] == ["IT", "HR"])
        }
    }

    @Test func getRefusesGroupsTheUserCannotUse() async throws {
        try await Self.withAccessControl { client in
            let restricted = try Self.id(try await Self.group(client, "r", by: Self.user(1), #","backend_roles":["IT"],"access_mode":"RESTRICTED""#), "model_group_id")
            let privateGroup = try Self.id(try await Self.group(client, "p", by: Self.user(3), #","access_mode":"PRIVATE""#), "model_group_id")
            let byDefault = try Self.id(try await Self.group(client, "d", by: Self.admin), "model_group_id")
            let refusal = envelope("status_exception", "User doesn't have privilege to perform this operation on this model group", status: 403)
            func get(_ id: String, _ user: (String, String)) async throws -> SecurityModeTests.Answer {
                try await client.call(.GET, "/_plugins/_ml/model_groups/\(id)", user: user)
            }
            #expect(try await get(restricted, Self.user(2)).status == 200)
            #expect(try await get(restricted, Self.user(3)).body == refusal)
            #expect(try await get(privateGroup, Self.admin).status == 200)
            #expect(try await get(privateGroup, Self.user(2)).body == refusal)
            // Without access fields a group is private to its creator.
            #expect(try JSONParser.parse(try await get(byDefault, Self.admin).body)["access"] == "private")
            #expect(try await get(byDefault, Self.user(1)).body == refusal)
        }
    }

    @Test func modelsFollowTheirGroupAndConnectorsTheirAccess() async throws {
        try await Self.withAccessControl { client in
            let connector = try Self.id(
                try await client.call(.POST, "/_plugins/_ml/connectors/_create", user: Self.user(1), body: Fixture.openAIConnector),
                "connector_id")
            let connectorDocument = try JSONParser.parse(try await client.call(.GET, "/_plugins/_ml/connectors/\(connector)", user: Self.user(1)).body)
            #expect(connectorDocument["access"] == "private")
            #expect(connectorDocument["owner"]?["name"] == "user1")
            #expect(try await client.call(.GET, "/_plugins/_ml/connectors/\(connector)", user: Self.user(2)).body
                == envelope("status_exception", "You don't have permission to access this connector", status: 403))
            let foreign = try await client.call(
                .POST, "/_plugins/_ml/models/_register", user: Self.user(2),
                body: #"{"name":"m2","function_name":"remote","connector_id":"\#(connector)"}"#)
            #expect(foreign.body == envelope(
                "illegal_argument_exception", "You don't have permission to use the connector provided, connector id: \(connector)", status: 400))

            let group = try Self.id(try await Self.group(client, "mine", by: Self.user(1), #","access_mode":"PRIVATE""#), "model_group_id")
            let model = try Self.id(
                try await client.call(
                    .POST, "/_plugins/_ml/models/_register", user: Self.user(1),
                    body: #"{"name":"m1","function_name":"remote","connector_id":"\#(connector)","model_group_id":"\#(group)"}"#),
                "model_id")
            let refusal = envelope("status_exception", "User doesn't have privilege to perform this operation on this model", status: 403)
            #expect(try await client.call(.GET, "/_plugins/_ml/models/\(model)", user: Self.user(2)).body == refusal)
            #expect(try await client.call(.POST, "/_plugins/_ml/models/\(model)/_predict", user: Self.user(2), body: PredictAPITests.hello).body == refusal)
            #expect(try await client.call(.GET, "/_plugins/_ml/models/\(model)", user: Self.user(1)).status == 200)
            let search = #"{"query":{"term":{"name.keyword":"m1"}}}"#
            for (user, hits) in [(Self.user(1), 1), (Self.user(2), 0), (Self.admin, 1)] {
                let answer = try await client.call(.POST, "/_plugins/_ml/models/_search", user: user, body: search)
                #expect(try JSONParser.parse(answer.body)["hits"]?["total"]?["value"]?.numberValue?.intValue == hits, "\(user.0)")
            }
            #expect(try await client.call(.PUT, "/_plugins/_ml/models/\(model)", user: Self.user(2), body: #"{"description":"x"}"#).body
                == envelope("status_exception", "User doesn't have privilege to perform this operation on this model, model ID \(model)", status: 403))
            #expect(try await client.call(.GET, "/_plugins/_ml/controllers/\(model)", user: Self.user(2)).status == 404)
            let controller = #"{"user_rate_limiter":{"user1":{"limit":4,"unit":"MINUTES"}}}"#
            #expect(try await client.call(.POST, "/_plugins/_ml/controllers/\(model)", user: Self.user(2), body: controller).body
                == envelope("status_exception", "User doesn't have privilege to perform this operation on this model controller. Model ID: \(model)", status: 403))
            let into = try await client.call(
                .POST, "/_plugins/_ml/models/_register", user: Self.user(2),
                body: #"{"name":"m3","function_name":"remote","connector":{"name":"c","protocol":"http","version":"1","parameters":{},"actions":[{"action_type":"predict","method":"POST","url":"https://api.openai.com/v1/chat/completions","request_body":"{}"}]},"model_group_id":"\#(group)"}"#)
            #expect(into.body == envelope("illegal_argument_exception", "You don't have permissions to perform this operation on this model.", status: 400))
        }
    }

    @Test func conversationMemoriesBelongToTheirCreatorAdminsIncluded() async throws {
        try await SecurityModeTests.withSecureServer(users: Self.users) { client, _ in
            let memory = try Self.id(
                try await client.call(.POST, "/_plugins/_ml/memory", user: Self.user(1), body: #"{"name":"mine"}"#), "memory_id")
            let mine = try await client.call(.GET, "/_plugins/_ml/memory/\(memory)", user: Self.user(1))
            #expect(try JSONParser.parse(mine.body)["user"] == "user1")
            for user in [Self.admin, Self.user(2)] {
                #expect(try await client.call(.GET, "/_plugins/_ml/memory/\(memory)", user: user).body
                    == envelope("status_exception", "User [\(user.0)] does not have access to memory \(memory)", status: 401))
                #expect(try await client.call(.GET, "/_plugins/_ml/memory", user: user).body == #"{"memories":[]}"#)
            }
            let message = try Self.id(
                try await client.call(.POST, "/_plugins/_ml/memory/\(memory)/messages", user: Self.user(1), body: #"{"input":"hi"}"#),
                "message_id")
            #expect(try await client.call(.GET, "/_plugins/_ml/memory/message/\(message)", user: Self.user(2)).body
                == envelope("status_exception", "User [user2] does not have access to message \(message)", status: 401))
            #expect(try await client.call(.DELETE, "/_plugins/_ml/memory/\(memory)", user: Self.user(2)).body
                == envelope("status_exception", "Resources not found. Failed to delete the memory for \(memory)", status: 404))
            #expect(try await client.call(.DELETE, "/_plugins/_ml/memory/\(memory)", user: Self.user(1)).body == #"{"success":true}"#)
        }
    }

    /// An AG-UI thread (3.6+) that is another user's memory is refused as that memory is.
    @Test func agUIThreadsBelongToTheirMemorysUser() async throws {
        try await SecurityModeTests.withSecureServer(users: Self.users, version: .v3_8_0) { client, _ in
            #expect(try await client.call(.PUT, "/_cluster/settings", user: Self.admin, body: AGUITests.enable).status == 200)
            let model = try Self.id(try await client.call(.POST, "/_plugins/_ml/models/_register", user: Self.admin,
                body: #"{"name":"gpt","function_name":"remote","connector":\#(Fixture.openAIConnector)}"#), "model_id")
            let agent = try Self.id(try await client.call(.POST, "/_plugins/_ml/agents/_register", user: Self.admin, body: #"""
                {"name":"a","type":"ag_ui","llm":{"model_id":"\#(model)"},"memory":{"type":"conversation_index"},
                 "parameters":{"_llm_interface":"openai/v1/chat/completions"}}
                """#), "agent_id")
            let memory = try Self.id(
                try await client.call(.POST, "/_plugins/_ml/memory", user: Self.user(1), body: #"{"name":"mine"}"#), "memory_id")
            _ = try await client.call(.POST, "/_plugins/_ml/memory/\(memory)/messages", user: Self.user(1), body: #"{"input":"hi","response":"yo"}"#)
            let load = AGUITests.threadInput(memory, messages: "[]")
            let own = try AGUITests.events(try await client.call(.POST, "/_plugins/_ml/agents/\(agent)/_execute/stream", user: Self.user(1), body: load).body)
            #expect(own.map { $0["type"] } == ["RUN_STARTED", "MESSAGES_SNAPSHOT", "RUN_FINISHED", "RUN_FINISHED"])
            let other = try AGUITests.events(try await client.call(.POST, "/_plugins/_ml/agents/\(agent)/_execute/stream", user: Self.user(2), body: load).body)
            #expect(other.map { $0["type"] } == ["RUN_STARTED", "RUN_ERROR"])
            #expect(other.last?["message"]?.stringValue == "User [user2] does not have access to memory \(memory)")
        }
    }
}
