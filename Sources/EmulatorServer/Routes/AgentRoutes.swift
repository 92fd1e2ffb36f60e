import MLCommonsCore

/// `/_plugins/_ml/agents`: register, get, update, delete, search (execution lives with the agent runners).
enum AgentRoutes {
    static let base = APIPath.agents

    static func register(_ routes: inout RouteTable, _ emulator: Emulator) {
        routes.add("POST", "\(base)/_register") { request in
            try await emulator.requireAgentFramework()
            var input = try AgentInput(parsing: try request.requiredJSONBody(), profile: emulator.profile)
            if let spec = input.model {
                try await emulator.require(
                    MLCommonsSettings.unifiedAgentAPIEnabled,
                    else: .illegalArgument(
                        "Unified agent API is not enabled. To enable, please update the setting plugins.ml_commons.unified_agent_api_enabled"))
                try await UnifiedAgentService(emulator: emulator).createModel(for: spec, into: &input)
            }
            if input.parameters?["mcp_connectors"] != nil,
                !emulator.settings.isEnabled(MLCommonsSettings.mcpConnectorEnabled)
            {
                throw OpenSearchError(
                    "OpenSearchException",
                    reason: "The MCP connector is not enabled. To enable, please update the setting plugins.ml_commons.mcp_connector_enabled",
                    status: 500)
            }
            input.injectQueryPlannerModel()
            let now = emulator.nowMillis()
            var document = input.document(now: now)
            if AgentType(name: input.type ?? "") == .planExecuteAndReflect,
                input.parameters?["executor_agent_id"] == nil
            {
                // ml-commons registers a ReAct executor agent first and links it.
                var executor = document
                executor["name"] = .string((input.name ?? "") + " (ReAct)")
                executor["type"] = "CONVERSATIONAL"
                executor["description"] = .string("Execution Agent for Plan Execute Reflect - \(input.name ?? "")")
                let executorID = emulator.ids.next()
                _ = try await emulator.documents.put(SystemIndex.agent, id: executorID, source: executor.ordered(by: AgentInput.fieldOrder))
                var parameters = document["parameters"]?.objectValue ?? JSONObject()
                parameters["executor_agent_id"] = .string(executorID)
                document["parameters"] = .object(parameters)
                document = document.ordered(by: AgentInput.fieldOrder)
            }
            let id = emulator.ids.next()
            _ = try await emulator.documents.put(SystemIndex.agent, id: id, source: document)
            return .json(["agent_id": .string(id)])
        }

        routes.add("GET", "\(base)/{agent_id}", query: ["tenant_id"]) { request in
            try await emulator.requireAgentFramework()
            return .json(.object(try await stored(request.parameter("agent_id"), emulator).source))
        }

        routes.add("PUT", "\(base)/{agent_id}") { request in
            try await emulator.requireAgentFramework()
            let id = request.parameter("agent_id")
            let body = try request.requiredJSONBody()
            guard let current = try await emulator.documents.document(SystemIndex.agent, id: id)
            else { throw OpenSearchError.statusException("Failed to get agent with ID \(id)", status: 404) }
            // An update is a full agent definition laid over the stored one.
            var merged = current.source
            for (key, value) in try RequestObject(body).object { merged[key] = value }
            let input = try AgentInput(parsing: .object(merged), profile: emulator.profile)
            var document = input.document(now: emulator.nowMillis())
            document["created_time"] = current.source["created_time"]
            let result = try await emulator.documents.put(SystemIndex.agent, id: id, source: document.ordered(by: AgentInput.fieldOrder))
            return .json(result.json())
        }

        routes.add("DELETE", "\(base)/{agent_id}") { request in
            try await emulator.requireAgentFramework()
            let id = request.parameter("agent_id")
            guard try await emulator.documents.indexExists(SystemIndex.agent) else {
                throw OpenSearchError.statusException("Failed to get agent index", status: 404)
            }
            guard try await emulator.documents.document(SystemIndex.agent, id: id) != nil else {
                throw OpenSearchError.statusException("Fail to find ml agent", status: 404)
            }
            guard let result = try await emulator.documents.delete(SystemIndex.agent, id: id) else {
                throw OpenSearchError.statusException("Failed to get agent index", status: 404)
            }
            return .json(result.json())
        }

        routes.addSearch(
            "\(base)/_search", emulator: emulator, index: SystemIndex.agent,
            precondition: { _ in try await emulator.requireAgentFramework() },
            hidden: { $0.source["is_hidden"]?.boolValue == true })
    }

    static func stored(_ id: String, _ emulator: Emulator) async throws -> StoredDocument {
        switch try await emulator.documents.lookup(SystemIndex.agent, id: id) {
        case .found(let agent): return agent
        case .noIndex: throw OpenSearchError.statusException("Failed to get agent index", status: 404)
        case .noDocument:
            throw OpenSearchError.statusException("Failed to find agent with the provided agent id: \(id)", status: 404)
        }
    }
}
