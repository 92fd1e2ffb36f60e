import Agents
import MLCommonsCore

/// The unified agent API (3.5+): an agent registered with a `model` block gets a model with an inline connector
/// for its provider, and runs on it like any conversational agent.
struct UnifiedAgentService: Sendable {
    let emulator: Emulator

    /// `AgentModelService.createModelFromSpec` and the agent rebuilt around the new model: `llm` points at it,
    /// `_llm_interface` is the provider's, the `model` block keeps only its ids.
    func createModel(for spec: AgentModelSpec, into input: inout AgentInput) async throws {
        let provider = try spec.validatedProvider()
        let connector = provider.connector(for: spec, profile: emulator.profile)
        let registration = try ModelRegistration(parsing: [
            "name": .string("Auto-generated model for \(spec.modelID)"), "function_name": "remote",
            "description": "Auto-generated model for agent", "connector": .object(connector),
        ])
        let (_, modelID) = try await ModelService(emulator: emulator).register(registration)
        var llm: JSONObject = ["model_id": .string(modelID)]
        if let parameters = spec.modelParameters { llm["parameters"] = .object(parameters) }
        input.llm = llm
        var parameters = input.parameters ?? JSONObject()
        parameters["_llm_interface"] = .string(provider.llmInterface)
        input.parameters = parameters
    }

    /// `_execute`'s check of a top-level `input`, before the agent is read: the flag must be on.
    func requireStandardInputAllowed() async throws {
        try await emulator.require(
            MLCommonsSettings.unifiedAgentAPIEnabled,
            else: .illegalArgument(
                "Standardized input cannot be used if unified agent API is not enabled. The agent must be created using unified agent API. To enable, please update the setting plugins.ml_commons.unified_agent_api_enabled"))
    }

    /// `MLAgentExecutor.processAgentInput` for a V1 unified agent: the input (3.5: replaced by a `question`
    /// parameter; 3.6+: text only, a `question` standing in when there is none) mapped to the provider's `body`, and
    /// its question text. Other agents ignore `input`.
    static func apply(
        _ input: AgentStandardInput?, to parameters: inout [String: String], definition: AgentDefinition, profile: VersionProfile
    ) throws {
        guard let provider = definition.modelProvider else { return }
        if profile.v1UnifiedAgentsTakeTextOnly, let input, input.typeName != "TEXT" {
            throw OpenSearchError.illegalArgument(
                "V1 agents with unified agent interface only support TEXT input type. Found input type: \(input.typeName). Please use TEXT input (e.g., {\"input\": \"your text here\"}), or upgrade to CONVERSATIONAL_V2 agent type for multi-modal support (CONTENT_BLOCKS, MESSAGES).")
        }
        if case .messages? = input, definition.type == .planExecuteAndReflect {
            throw OpenSearchError.illegalArgument("Messages input is not supported for Plan Execute and Reflect Agent.")
        }
        var effective = input
        if let question = parameters["question"], input == nil || !profile.v1UnifiedAgentsTakeTextOnly { effective = .text(question) }
        do throws(OpenSearchError) {
            guard let effective else { throw .illegalArgument("AgentInput and its input field cannot be null") }
            parameters["body"] = try provider.inputBody(effective, planner: definition.type == .planExecuteAndReflect)
            parameters["question"] = try effective.questionText()
        } catch {
            throw OpenSearchError.illegalArgument("Failed to process standardized agent input: \(error.reason)", cause: error)
        }
        parameters["uses_unified_interface"] = "true"
        parameters[RequestParameters.noEscapeParametersKey] = ModelProvider.mappedBodyNoEscapeParameters
    }
}
