import MLCommonsCore
import ModelInvocation
import RemoteInference

/// `POST /_plugins/_ml/models/{model_id}/_predict/stream`: Server-Sent Events, one chunk per upstream delta.
enum PredictStreamRoutes {
    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        routes.add("POST", "/_plugins/_ml/models/{model_id}/_predict/stream") { request in
            // Checked before anything else, as the first statement of prepareRequest.
            try await emulator.requireStreaming()
            let modelID = request.parameter("model_id")
            let found = try await emulator.invoker.findModel(modelID)
            try await emulator.checkModelAccess(found.source, request, else: ModelRoutes.noPrivilege)
            let isRemote = found.source["algorithm"]?.stringValue == "REMOTE"
            return EventStreamResponse.response { writer in
                try await stream(request, modelID: modelID, isRemote: isRemote, invoker: emulator.invoker, writer: writer) {
                    emulator.settings.isEnabled(MLCommonsSettings.remoteInferenceEnabled)
                }
            }
        }
    }

    /// The pipeline after the 200: model checks, rendering, upstream call, chunks. Failures become the
    /// documented error chunk; a client that leaves ends the upstream read.
    static func stream(
        _ request: RESTRequest, modelID: String, isRemote: Bool, invoker: ModelInvoker, writer: StreamWriter,
        remoteInferenceEnabled: @Sendable () async -> Bool
    ) async throws {
        var mapper = PredictStreamMapper()
        do {
            let body = try RequestObject(try request.jsonBody() ?? [:])
            let parameters = RequestParameters.escaped(fromRequestBody: body.object)
            // `getRequest`: the model's algorithm, then the remote-inference flag (a 400 from 3.5, #4484; the
            // status is not on the SSE wire).
            if isRemote, await !remoteInferenceEnabled() {
                throw OpenSearchError.illegalState(Emulator.remoteInferenceDisabled)
            }
            let model = try await invoker.prepare(modelID, streaming: true)
            _ = try await invoker.stream(model, requestParameters: parameters) { event in
                for chunk in mapper.chunks(for: event) { try await writer.write(chunk.bytes) }
            }
        } catch is StreamWriter.ClientGone {
            return
        } catch {
            if let chunk = mapper.errorChunk(for: error) { try? await writer.write(chunk.bytes) }
        }
    }
}
