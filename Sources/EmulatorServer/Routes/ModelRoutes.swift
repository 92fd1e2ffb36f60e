import MLCommonsCore

/// `/_plugins/_ml/models`: register (remote and local, meta and chunks), get, update, delete, search,
/// deploy, undeploy, and their deprecated names.
enum ModelRoutes {
    static let base = "/_plugins/_ml/models"

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        let version = emulator.profile.version.number
        routes.add("POST", "\(base)/_register", replacing: "\(base)/_upload", version: version, query: ["deploy"]) { request in
            try await registerModel(request, emulator)
        }
        routes.add("POST", "\(base)/_register_meta", replacing: "\(base)/meta", version: version) { request in
            let modelID = try await LocalModelService(emulator: emulator).registerMeta(request)
            return .json(["model_id": .string(modelID), "status": .string(TaskState.created.rawValue)])
        }
        routes.add(
            "POST", "\(base)/{model_id}/upload_chunk/{chunk_number}", replacing: "\(base)/{model_id}/chunk/{chunk_number}",
            version: version
        ) { request in
            try await LocalModelService(emulator: emulator).uploadChunk(
                modelID: request.parameter("model_id"), chunkNumber: request.parameter("chunk_number"), bytes: request.body)
            return .json(["status": "Uploaded"])
        }
        routes.add("GET", "\(base)/{model_id}", query: ["tenant_id"]) { request in
            let model = try await emulator.lifecycle.stored(request.parameter("model_id"))
            try await emulator.checkModelAccess(model.source, request, else: noPrivilege)
            return .json(.object(view(model.source)))
        }
        routes.add("PUT", "\(base)/{model_id}") { request in
            try await updateModel(request, emulator)
        }
        routes.add("DELETE", "\(base)/{model_id}") { request in
            let id = request.parameter("model_id")
            guard let model = try await emulator.documents.document(SystemIndex.model, id: id)
            else { throw OpenSearchError.statusException("Failed to find model", status: 404) }
            try await emulator.checkModelAccess(model.source, request, else: noPrivilege)
            if ModelState(rawValue: model.source["model_state"]?.stringValue ?? "")?.isDeployedOrDeploying == true {
                throw OpenSearchError.statusException(
                    "Model cannot be deleted in deploying or deployed state. Try undeploy model first then delete",
                    status: 400)
            }
            // The model's chunks (by `model_id`) and its controller go with it (`DeleteModelTransportAction`).
            let result = try await emulator.documents.transaction { tx in
                for chunk in try tx.documents(SystemIndex.model, where: "model_id", equals: id) where chunk.id != id {
                    _ = try tx.delete(SystemIndex.model, id: chunk.id)
                }
                if try tx.indexExists(SystemIndex.controller) { _ = try tx.delete(SystemIndex.controller, id: id) }
                return try tx.delete(SystemIndex.model, id: id)
            }
            guard let result else { throw OpenSearchError.statusException("Failed to find model", status: 404) }
            return .json(result.json())
        }
        routes.add("POST", "\(base)/{model_id}/_deploy", replacing: "\(base)/{model_id}/_load", version: version) { request in
            try await deployModel(request.parameter("model_id"), request, emulator)
        }
        routes.add("POST", "\(base)/{model_id}/_undeploy", replacing: "\(base)/{model_id}/_unload", version: version) { request in
            try await undeployModels(request, pathModelID: request.parameter("model_id"), emulator)
        }
        routes.add("POST", "\(base)/_undeploy", replacing: "\(base)/_unload", version: version) { request in
            try await undeployModels(request, pathModelID: nil, emulator)
        }
        // A user sees the models of the groups their group search shows, and models without a group.
        routes.addSearch(
            "\(base)/_search", emulator: emulator, index: SystemIndex.model,
            excluding: ["model_content", "content", "ui_metadata", "connector.credential"],
            hidden: { $0.source["is_hidden"]?.boolValue == true },
            visible: { request in
                guard let user = await emulator.modelAccessUser(request), !user.isAdmin else { return nil }
                let groups = try await emulator.visibleModelGroupIDs(user)
                return { document in document.source["model_group_id"]?.stringValue.map(groups.contains) ?? true }
            })
    }

    /// ml-commons' refusal of a model whose group the user may not use (get, delete, deploy, predict).
    static let noPrivilege = OpenSearchError.statusException(
        "User doesn't have privilege to perform this operation on this model", status: 403)

    /// The model as GET returns it: the stored document without the inline connector's credential.
    static func view(_ source: JSONObject) -> JSONObject {
        var view = source
        if case .object(var connector)? = view["connector"] {
            connector["credential"] = nil
            view["connector"] = .object(connector)
        }
        return view
    }

    /// Remote models deploy at once (`COMPLETED`); local ones answer a `CREATED` task.
    static func deployModel(_ id: String, _ request: RESTRequest, _ emulator: Emulator) async throws -> RESTResponse {
        let model = try await emulator.lifecycle.stored(id)
        try await emulator.checkModelAccess(model.source, request, else: noPrivilege)
        guard model.source["algorithm"]?.stringValue != "REMOTE" else {
            let taskID = try await emulator.lifecycle.deploy(id)
            return .json(["task_id": .string(taskID), "task_type": "DEPLOY_MODEL", "status": .string(TaskState.completed.rawValue)])
        }
        let nodeIDs = try RequestObject(try request.jsonBody() ?? [:]).stringList("node_ids")
        let taskID = try await LocalModelDeployment(emulator: emulator).deploy(model, nodeIDs: nodeIDs)
        return .json(["task_id": .string(taskID), "task_type": "DEPLOY_MODEL", "status": .string(TaskState.created.rawValue)])
    }

    /// `RestMLUndeployModelAction`: the body's `model_ids` win over the path's; each model reports per node.
    static func undeployModels(_ request: RESTRequest, pathModelID: String?, _ emulator: Emulator) async throws -> RESTResponse {
        let fields = try RequestObject(try request.jsonBody() ?? [:])
        let nodeIDs = try fields.stringList("node_ids") ?? []
        if !nodeIDs.isEmpty, !emulator.settings.isEnabled("plugins.ml_commons.allow_custom_deployment_plan") {
            throw OpenSearchError.illegalArgument("Don't allow custom deployment plan")
        }
        var modelIDs = try fields.stringList("model_ids") ?? []
        if modelIDs.isEmpty, let pathModelID { modelIDs = [pathModelID] }
        guard !modelIDs.isEmpty else { throw OpenSearchError.illegalArgument("Must set specific model ids to undeploy") }
        if modelIDs.count > 1, emulator.settings.isEnabled(MLCommonsSettings.modelAccessControlEnabled) {
            throw OpenSearchError.illegalArgument("only support undeploy one model")
        }
        // A node not in the list answers for nothing.
        if !nodeIDs.isEmpty, !nodeIDs.contains(emulator.node.nodeID) { return .json([:]) }
        var stats = JSONObject()
        for id in modelIDs {
            let model = try await emulator.lifecycle.stored(id)
            try await emulator.checkModelAccess(model.source, request, else: .illegalArgument("No permission to undeploy model \(id)"))
            let algorithm = model.source["algorithm"]?.stringValue ?? "REMOTE"
            let outcome = try await emulator.lifecycle.undeploy(model)
            if outcome == "undeployed" { emulator.nodeStats.count(.undeploy, algorithm: algorithm, modelID: id) }
            stats[id] = .string(outcome)
        }
        return .json([emulator.node.nodeID: ["stats": .object(stats)]])
    }

    static func registerModel(_ request: RESTRequest, _ emulator: Emulator) async throws -> RESTResponse {
        let body = try request.requiredJSONBody()
        let functionName = try RequestObject(body).string("function_name")?.uppercased()
        if functionName == "REMOTE" { try await emulator.requireRemoteInference() }
        let registration = try ModelRegistration(parsing: body)
        guard registration.isRemote else {
            let taskID = try await LocalModelService(emulator: emulator).register(
                registration, deploy: request.flag("deploy"), user: await emulator.modelAccessUser(request))
            return .json(["task_id": .string(taskID), "status": .string(TaskState.created.rawValue)])
        }
        let (taskID, modelID) = try await ModelService(emulator: emulator).register(
            registration, user: await emulator.modelAccessUser(request), connectorUser: await emulator.connectorAccessUser(request))
        if request.flag("deploy") { _ = try await emulator.lifecycle.deploy(modelID) }
        return .json(["task_id": .string(taskID), "status": .string(TaskState.created.rawValue), "model_id": .string(modelID)])
    }

    static func updateModel(_ request: RESTRequest, _ emulator: Emulator) async throws -> RESTResponse {
        let id = request.parameter("model_id")
        let fields = try RequestObject(try request.requiredJSONBody())
        guard let model = try await emulator.documents.document(SystemIndex.model, id: id)
        else {
            throw OpenSearchError.statusException("Failed to find model to update with the provided model id: \(id)", status: 404)
        }
        try await emulator.checkModelAccess(model.source, request, else: .statusException(
            "User doesn't have privilege to perform this operation on this model, model ID \(id)", status: 403))
        if let target = try fields.string("model_group_id"), target != model.source["model_group_id"]?.stringValue,
            try await emulator.documents.document(SystemIndex.modelGroup, id: target) != nil
        {
            try await emulator.checkModelGroupAccess(target, request, else: .statusException(
                "User Doesn't have privilege to re-link this model to the target model group due to no access to the target model group with model group ID \(target)",
                status: 403))
        }
        if let connectorID = try fields.string("connector_id"), model.source["connector_id"] != nil,
            let connector = try await emulator.documents.document(SystemIndex.connector, id: connectorID)
        {
            try await emulator.checkConnectorAccess(connector.source, request, else: .statusException(
                "You don't have permission to update the connector, connector id: \(connectorID)", status: 403))
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
