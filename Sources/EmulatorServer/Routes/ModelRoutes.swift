import MLCommonsCore

/// `/_plugins/_ml/models`: register, get, update, delete, search, deploy, undeploy.
enum ModelRoutes {
    static let base = "/_plugins/_ml/models"

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        routes.add("POST", "\(base)/_register", query: ["deploy"]) { request in
            try await registerModel(request, emulator)
        }
        routes.add("GET", "\(base)/{model_id}", query: ["tenant_id"]) { request in
            let model = try await emulator.lifecycle.stored(request.parameter("model_id"))
            return .json(.object(view(model.source)))
        }
        routes.add("PUT", "\(base)/{model_id}") { request in
            try await updateModel(request, emulator)
        }
        routes.add("DELETE", "\(base)/{model_id}") { request in
            let id = request.parameter("model_id")
            guard try await emulator.documents.indexExists(SystemIndex.model),
                let model = try await emulator.documents.document(SystemIndex.model, id: id)
            else { throw OpenSearchError.statusException("Failed to find model", status: 404) }
            if ModelState(rawValue: model.source["model_state"]?.stringValue ?? "")?.isDeployedOrDeploying == true {
                throw OpenSearchError.statusException(
                    "Model cannot be deleted in deploying or deployed state. Try undeploy model first then delete",
                    status: 400)
            }
            guard let result = try await emulator.documents.delete(SystemIndex.model, id: id) else {
                throw OpenSearchError.statusException("Failed to find model", status: 404)
            }
            return .json(result.json())
        }
        routes.add("POST", "\(base)/{model_id}/_deploy") { request in
            let id = request.parameter("model_id")
            let taskID = try await emulator.lifecycle.deploy(id)
            return .json(["task_id": .string(taskID), "task_type": "DEPLOY_MODEL", "status": .string(TaskState.completed.rawValue)])
        }
        routes.add("POST", "\(base)/{model_id}/_undeploy") { request in
            let id = request.parameter("model_id")
            let outcome = try await emulator.lifecycle.undeploy(id)
            return .json([emulator.node.nodeID: ["stats": [id: .string(outcome)]]])
        }
        routes.add("POST", "\(base)/_undeploy") { request in
            let fields = try RequestObject(try request.jsonBody() ?? [:])
            var stats = JSONObject()
            for id in try fields.stringList("model_ids") ?? [] { stats[id] = .string(try await emulator.lifecycle.undeploy(id)) }
            return .json([emulator.node.nodeID: ["stats": .object(stats)]])
        }
        routes.addSearch(
            "\(base)/_search", emulator: emulator, index: SystemIndex.model,
            excluding: ["model_content", "content", "ui_metadata", "connector.credential"],
            hidden: { $0.source["is_hidden"]?.boolValue == true })
    }

    /// The model as GET returns it: the stored document without the inline connector's credential.
    static func view(_ source: JSONObject) -> JSONObject {
        var view = source
        if case .object(var connector)? = view["connector"] {
            connector["credential"] = nil
            view["connector"] = .object(connector)
        }
        return view
    }

    static func registerModel(_ request: RESTRequest, _ emulator: Emulator) async throws -> RESTResponse {
        let body = try request.requiredJSONBody()
        let functionName = try RequestObject(body).string("function_name")?.uppercased()
        if functionName == "REMOTE" { try await emulator.requireRemoteInference() }
        let registration = try ModelRegistration(parsing: body)
        guard registration.isRemote else {
            if registration.url != nil, !(await emulator.settings.isEnabled("plugins.ml_commons.allow_registering_model_via_url")) {
                throw OpenSearchError.illegalArgument(
                    "To upload custom model user needs to enable allow_registering_model_via_url settings. Otherwise please use OpenSearch pre-trained models.")
            }
            throw OpenSearchError.illegalArgument(
                "ml-commons-emulator serves remote models only (function_name \"remote\"); local model [\(registration.name)] cannot be registered")
        }
        let (taskID, modelID) = try await ModelService(emulator: emulator).register(registration)
        if request.flag("deploy") { _ = try await emulator.lifecycle.deploy(modelID) }
        return .json(["task_id": .string(taskID), "status": .string(TaskState.created.rawValue), "model_id": .string(modelID)])
    }

    static func updateModel(_ request: RESTRequest, _ emulator: Emulator) async throws -> RESTResponse {
        let id = request.parameter("model_id")
        let fields = try RequestObject(try request.requiredJSONBody())
        guard try await emulator.documents.indexExists(SystemIndex.model),
            let model = try await emulator.documents.document(SystemIndex.model, id: id)
        else {
            throw OpenSearchError.statusException("Failed to find model to update with the provided model id: \(id)", status: 404)
        }
        if model.source["model_state"]?.stringValue == ModelState.deploying.rawValue {
            throw OpenSearchError.statusException(
                "Model is deploying. Please wait for the model to complete deployment. model ID \(id)", status: 400)
        }
        var next = model.source
        if let name = try fields.string("name") { next["name"] = .string(name) }
        if let description = try fields.string("description") { next["description"] = .string(description) }
        if let enabled = try fields.bool("is_enabled") { next["is_enabled"] = .bool(enabled) }
        if let limiter = try fields.object("rate_limiter") { next["rate_limiter"] = .object(limiter) }
        if let guardrails = try fields.object("guardrails") { next["guardrails"] = .object(guardrails) }
        if let interface = try fields.stringMap("interface") { next["interface"] = .object(interface) }
        if let connectorID = try fields.string("connector_id") {
            _ = try await ConnectorService(emulator: emulator).stored(connectorID)
            next["connector_id"] = .string(connectorID)
        }
        if let connectorUpdate = fields.object["connector"], case .object(var stored)? = next["connector"] {
            let update = try ConnectorInput(parsing: connectorUpdate)
            let encrypted = try update.credential.map { try emulator.cipher.encrypt($0) }
            stored = Connector.applying(update, to: stored, encryptedCredential: encrypted, now: emulator.nowMillis())
            stored["last_updated_time"] = nil
            next["connector"] = .object(stored)
        }
        next["last_updated_time"] = emulator.nowMillis().json
        let result = try await emulator.documents.put(SystemIndex.model, id: id, source: next.ordered(by: ModelRegistration.fieldOrder))
        return .json(result.json())
    }
}
