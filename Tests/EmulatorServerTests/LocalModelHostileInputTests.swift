import EmulatorServer
import MLCommonsCore
import Testing

/// Inputs that once could take the process down through the local-model and algorithm routes.
@Suite("Local models and algorithms: hostile input")
struct LocalModelHostileInputTests {
    @Test func aMetaModelWithNegativeChunksDeletes() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/_cluster/settings", #"{"transient":{"plugins.ml_commons.allow_registering_model_via_local_file":true}}"#)
            for chunks in ["-3", "2147483647"] {
                let id = try await client.id(
                    .post, "/_plugins/_ml/models/_register_meta",
                    #"{"name":"m","model_format":"TORCH_SCRIPT","model_content_hash_value":"abc","total_chunks":\#(chunks),"model_config":{"model_type":"bert","embedding_dimension":8,"framework_type":"sentence_transformers"}}"#,
                    field: "model_id")
                #expect(try await client.call(.delete, "/_plugins/_ml/models/\(id)").json["result"] == "deleted")
            }
        }
    }

    @Test func anomalyLocalizationSurvivesExtremeNumbers() async throws {
        try await EmulatorHarness.withServer { client in
            try await client.call(.put, "/metrics/_doc/1?refresh=true", #"{"ts":1e19,"attribute":"a","value":1}"#)
            try await client.call(.put, "/metrics/_doc/2?refresh=true", #"{"ts":5,"attribute":"b","value":9}"#)
            let bodies = [
                #"{"index_name":"metrics","attribute_field_names":["attribute"],"aggregations":[{"s":{"sum":{"field":"value"}}}],"time_field_name":"ts","start_time":0,"end_time":10,"min_time_interval":1,"num_outputs":-1}"#,
                #"{"index_name":"metrics","attribute_field_names":["attribute"],"aggregations":[{"s":{"sum":{"field":"value"}}}],"time_field_name":"ts","start_time":-9223372036854775808,"end_time":0,"min_time_interval":-1,"num_outputs":3}"#,
                #"{"index_name":"metrics","attribute_field_names":["attribute"],"aggregations":[{"s":{"sum":{"field":"value"}}}],"time_field_name":"ts","start_time":0,"end_time":9223372036854775807,"min_time_interval":-1,"num_outputs":3}"#,
            ]
            for body in bodies {
                let reply = try await client.call(.post, "/_plugins/_ml/_execute/anomaly_localization", body)
                #expect(reply.status < 600, "\(reply.body)")
            }
            #expect(try await client.call(.get, "/").status == 200)
        }
    }

    @Test func inlineFramesWithOutOfRangeOrShortRowsAreRefused() async throws {
        try await EmulatorHarness.withServer { client in
            let huge = #"{"input_data":{"column_metas":[{"name":"a","column_type":"INTEGER"}],"rows":[{"values":[{"column_type":"INTEGER","value":1e300}]}]}}"#
            #expect(try await client.call(.post, "/_plugins/_ml/_train/kmeans", huge).status == 400)
            let trained = try await client.id(
                .post, "/_plugins/_ml/_train/kmeans",
                #"{"input_data":{"column_metas":[{"name":"a","column_type":"DOUBLE"}],"rows":[{"values":[{"column_type":"DOUBLE","value":1}]},{"values":[{"column_type":"DOUBLE","value":9}]}]}}"#,
                field: "model_id")
            let short = #"{"input_data":{"column_metas":[{"name":"a","column_type":"DOUBLE"}],"rows":[{"values":[]}]}}"#
            let reply = try await client.call(.post, "/_plugins/_ml/_predict/kmeans/\(trained)", short)
            #expect(reply.body == envelope("illegal_argument_exception", "names.length != values.length, names = 1, values = 0", status: 400))
        }
    }

    @Test func trainingThatWouldHoldACoreIsRefused() async throws {
        try await EmulatorHarness.withServer { client in
            let body = #"{"parameters":{"target":"y","epochs":100000000},"input_data":{"column_metas":[{"name":"x","column_type":"DOUBLE"},{"name":"y","column_type":"DOUBLE"}],"rows":[{"values":[{"column_type":"DOUBLE","value":1},{"column_type":"DOUBLE","value":2}]}]}}"#
            let reply = try await client.call(.post, "/_plugins/_ml/_train/linear_regression", body)
            #expect(reply.status == 400)
            #expect(reply.body.contains("the emulator caps regression training"))
        }
    }
}
