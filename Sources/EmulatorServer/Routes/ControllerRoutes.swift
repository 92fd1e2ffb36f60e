import MLCommonsCore
import MLStore

/// `/_plugins/_ml/controllers/{model_id}`: a model's per-user rate limiters (`MLController`). With the
/// security plugin off there is no user, so, as in ml-commons, they are stored but never applied.
enum ControllerRoutes {
    static let base = "/_plugins/_ml/controllers"
    /// `java.util.concurrent.TimeUnit`'s names, the only units a limiter takes.
    static let timeUnits: Set<String> = ["DAYS", "HOURS", "MINUTES", "SECONDS", "MILLISECONDS", "MICROSECONDS", "NANOSECONDS"]

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        routes.add("POST", "\(base)/{model_id}") { request in
            let id = request.parameter("model_id")
            try await requireControllers(emulator)
            let limiters = try userRateLimiters(request, emptyBody: "Create model controller request has empty body")
            let model = try await controllableModel(id, emulator)
            try await emulator.checkModelAccess(model.source, request, else: noPrivilege(id))
            if model.source["model_state"]?.stringValue == ModelState.deploying.rawValue {
                throw OpenSearchError.statusException(
                    "Creating a model controller during its corresponding model in DEPLOYING state is not allowed, please either create the model controller after it is deployed or before deploying it. Model ID: \(id)",
                    status: 409)
            }
            let now = emulator.nowMillis()
            let result = try await emulator.documents.transaction { tx in
                let written = try tx.put(SystemIndex.controller, id: id, source: ["model_id": .string(id), "user_rate_limiter": .object(limiters)])
                if written.outcome == .created, var source = try tx.document(SystemIndex.model, id: id)?.source {
                    source["is_controller_enabled"] = true
                    source["last_updated_time"] = now.json
                    _ = try tx.put(SystemIndex.model, id: id, source: source.ordered(by: ModelRegistration.fieldOrder))
                }
                return written
            }
            return .json(["model_id": .string(id), "status": .string(result.outcome.rawValue.uppercased())])
        }
        routes.add("PUT", "\(base)/{model_id}") { request in
            let id = request.parameter("model_id")
            try await requireControllers(emulator)
            let limiters = try userRateLimiters(request, emptyBody: "Update model controller request has empty body")
            let model = try await controllableModel(id, emulator)
            try await emulator.checkModelAccess(model.source, request, else: noPrivilege(id))
            let existing = try await emulator.documents.indexExists(SystemIndex.controller)
                ? try await emulator.documents.document(SystemIndex.controller, id: id) : nil
            guard let existing else {
                if model.source["is_controller_enabled"]?.boolValue == true {
                    throw OpenSearchError.statusException("Failed to find model controller", status: 404)
                }
                throw OpenSearchError.statusException(
                    "Model controller haven't been created for the model. Consider calling create model controller api instead. Model ID: \(id)",
                    status: 409)
            }
            // Per user, the new fields over the old; users the body leaves out are kept.
            var merged = existing.source["user_rate_limiter"]?.objectValue ?? [:]
            for (user, limiter) in limiters {
                var entry = merged[user]?.objectValue ?? [:]
                for (key, value) in limiter.objectValue ?? [:] { entry[key] = value }
                merged[user] = .object(entry)
            }
            let next: JSONObject = ["model_id": .string(id), "user_rate_limiter": .object(merged)]
            guard next != existing.source else {
                return .json([
                    "_index": .string(SystemIndex.controller), "_id": .string(id), "_version": existing.version.json,
                    "result": "noop", "_shards": ["total": 0, "successful": 0, "failed": 0],
                    "_seq_no": existing.seqNo.json, "_primary_term": existing.primaryTerm.json,
                ])
            }
            return .json(try await emulator.documents.put(SystemIndex.controller, id: id, source: next).json())
        }
        routes.add("GET", "\(base)/{model_id}") { request in
            let id = request.parameter("model_id")
            guard try await emulator.documents.indexExists(SystemIndex.controller) else {
                throw OpenSearchError.statusException("Failed to find model controller", status: 404)
            }
            guard let controller = try await emulator.documents.document(SystemIndex.controller, id: id) else {
                throw OpenSearchError.statusException("Failed to find model controller with the provided model ID", status: 404)
            }
            guard let model = try await emulator.documents.document(SystemIndex.model, id: id) else {
                throw OpenSearchError.statusException(
                    "Failed to find model to get the corresponding model controller with the provided model ID", status: 404)
            }
            try await emulator.checkModelAccess(model.source, request, else: noPrivilege(id))
            return .json(.object(controller.source))
        }
        routes.add("DELETE", "\(base)/{model_id}") { request in
            let id = request.parameter("model_id")
            if let model = try await emulator.documents.document(SystemIndex.model, id: id) {
                try await emulator.checkModelAccess(model.source, request, else: noPrivilege(id))
            }
            let now = emulator.nowMillis()
            let result = try await emulator.documents.transaction { tx -> WriteResult? in
                guard try tx.indexExists(SystemIndex.controller), let deleted = try tx.delete(SystemIndex.controller, id: id),
                    deleted.outcome == .deleted
                else { return nil }
                if var source = try tx.document(SystemIndex.model, id: id)?.source {
                    source["is_controller_enabled"] = false
                    source["last_updated_time"] = now.json
                    _ = try tx.put(SystemIndex.model, id: id, source: source.ordered(by: ModelRegistration.fieldOrder))
                }
                return deleted
            }
            guard let result else { throw OpenSearchError.statusException("Failed to find model controller", status: 404) }
            return .json(result.json())
        }
    }

    /// The refusal of a controller on a model whose group the user may not use.
    static func noPrivilege(_ id: String) -> OpenSearchError {
        .statusException("User doesn't have privilege to perform this operation on this model controller. Model ID: \(id)", status: 403)
    }

    static func requireControllers(_ emulator: Emulator) async throws {
        try await emulator.require(
            "plugins.ml_commons.controller_enabled",
            else: .illegalState(
                "Controller is currently disabled. To enable it, update the setting \"plugins.ml_commons.controller_enabled\" to true."))
    }

    /// The model a controller may be set on: it exists and is a text-embedding or remote model.
    static func controllableModel(_ id: String, _ emulator: Emulator) async throws -> StoredDocument {
        guard let model = try await emulator.documents.document(SystemIndex.model, id: id)
        else {
            throw OpenSearchError.statusException(
                "Failed to find model to create the corresponding model controller with the provided model ID", status: 404)
        }
        let algorithm = model.source["algorithm"]?.stringValue ?? ""
        guard algorithm == "TEXT_EMBEDDING" || algorithm == "REMOTE" else {
            throw OpenSearchError.statusException(
                "Creating model controller on this operation on the function category \(algorithm) is not supported.", status: 403)
        }
        return model
    }

    /// `MLController.parse`: each user's `limit` (a positive number, stored as a string) and `unit`.
    static func userRateLimiters(_ request: RESTRequest, emptyBody: String) throws -> JSONObject {
        guard request.hasBody else { throw OpenSearchError("OpenSearchParseException", reason: emptyBody, status: 400) }
        let fields = try RequestObject(try request.requiredJSONBody())
        var limiters = JSONObject()
        for (user, value) in try fields.object("user_rate_limiter") ?? [:] {
            let limiter = try RequestObject(value)
            var entry = JSONObject()
            if let limit = limiter.object["limit"], limit != .null {
                let text = limit.numberValue?.text ?? limit.stringValue ?? ""
                guard let number = Double(text), number >= 0 else {
                    throw OpenSearchError("OpenSearchParseException", reason: "Limit field must be a positive number.", status: 400)
                }
                entry["limit"] = .string(text)
            }
            if let unit = try limiter.string("unit") {
                guard timeUnits.contains(unit) else {
                    throw OpenSearchError.illegalArgument("No enum constant java.util.concurrent.TimeUnit.\(unit)")
                }
                entry["unit"] = .string(unit)
            }
            if !entry.isEmpty { limiters[user] = .object(entry) }
        }
        return limiters
    }
}
