import Testing

@Suite("PUT/GET _cluster/settings")
struct ClusterSettingsTests {
    @Test func persistentFlagIsEchoedNestedAsString() async throws {
        try await EmulatorHarness.withServer { client in
            let put = try await client.call(
                .put, "/_cluster/settings", #"{"persistent":{"plugins.ml_commons.stream_enabled":true}}"#)
            #expect(put.body == #"{"acknowledged":true,"persistent":{"plugins":{"ml_commons":{"stream_enabled":"true"}}},"transient":{}}"#)
            let get = try await client.call(.get, "/_cluster/settings?flat_settings=true")
            #expect(get.body == #"{"persistent":{"plugins.ml_commons.stream_enabled":"true"},"transient":{}}"#)
        }
    }

    @Test func nestedInputTransientScopeAndReset() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/_cluster/settings", #"{"transient":{"plugins":{"ml_commons":{"memory_feature_enabled":"false"}}}}"#)
            #expect(try await client.call(.get, "/_cluster/settings").body
                == #"{"persistent":{},"transient":{"plugins":{"ml_commons":{"memory_feature_enabled":"false"}}}}"#)
            let reset = try await client.call(.put, "/_cluster/settings", #"{"transient":{"plugins.ml_commons.memory_feature_enabled":null}}"#)
            #expect(reset.body == #"{"acknowledged":true,"persistent":{},"transient":{}}"#)
            #expect(try await client.call(.get, "/_cluster/settings").body == #"{"persistent":{},"transient":{}}"#)
        }
    }

    @Test func includeDefaultsListsTheMLCommonsKeys() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.get, "/_cluster/settings?include_defaults=true&flat_settings=true")
            let defaults = try #require(try reply.json["defaults"])
            #expect(defaults["plugins.ml_commons.stream_enabled"] == "false")
            #expect(defaults["plugins.ml_commons.memory_feature_enabled"] == "true")
            #expect(defaults["plugins.ml_commons.trusted_connector_endpoints_regex"]?.arrayValue?.count == 11)
        }
    }

    @Test func unknownSettingIsRejected() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.put, "/_cluster/settings", #"{"persistent":{"plugins.ml_commons.nope":true}}"#)
            #expect(reply.status == 400)
            #expect(reply.body == envelope(
                "illegal_argument_exception", "persistent setting [plugins.ml_commons.nope], not recognized", status: 400))
        }
    }

    @Test func nonBooleanForBooleanSettingIsRejectedAndNothingApplied() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(
                .put, "/_cluster/settings",
                #"{"persistent":{"plugins.ml_commons.stream_enabled":true,"plugins.ml_commons.agent_framework_enabled":"yes"}}"#)
            #expect(reply.status == 400)
            #expect(reply.body == envelope(
                "illegal_argument_exception", "Failed to parse value [yes] as only [true] or [false] are allowed.", status: 400))
            #expect(try await client.call(.get, "/_cluster/settings").body == #"{"persistent":{},"transient":{}}"#)
        }
    }

    @Test func emptyUpdateIsAValidationError() async throws {
        try await EmulatorHarness.withServer { client in
            let reply = try await client.call(.put, "/_cluster/settings", #"{"persistent":{}}"#)
            #expect(reply.status == 400)
            #expect(reply.body == envelope(
                "action_request_validation_exception", "Validation Failed: 1: no settings to update;", status: 400))
        }
    }
}
