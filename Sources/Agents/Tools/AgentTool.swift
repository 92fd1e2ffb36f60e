import MLCommonsCore

/// What a run calls of a tool: its check of the run parameters and the run.
public protocol RunnableTool: Sendable {
    /// `Tool.validate`: whether the run parameters are acceptable.
    func validate(_ parameters: [String: String]) -> Bool

    /// Runs the tool; the result is what the agent feeds back to the LLM (a string for most tools).
    func run(_ parameters: [String: String]) async throws -> ToolOutput
}

/// A tool an agent can run (`org.opensearch.ml.common.spi.tools.Tool`): its catalog entry, the
/// attributes function calling renders into the LLM request, and the run itself.
public protocol AgentTool: RunnableTool {
    /// The tool type as agents name it (`ListIndexTool`).
    static var type: String { get }
    /// The description the catalog and function calling use when the agent gives none.
    static var defaultDescription: String { get }
    /// Default `attributes` (e.g. `input_schema` as JSON text and `strict`), merged under the spec's.
    static var defaultAttributes: [String: String] { get }

    /// Refuses a spec the tool's factory cannot build from (`Tool.Factory.create` throwing, e.g. an
    /// MLModelTool without `model_id`); the default accepts every spec.
    static func checkSpec(_ spec: ToolSpec) throws(OpenSearchError)

    /// A tool configured from an agent's tool spec (`parameters` after `${parameters.*}` rendering).
    init(spec: ToolSpec, context: ToolContext)
}

extension AgentTool {
    public static func checkSpec(_ spec: ToolSpec) throws(OpenSearchError) {}

    /// The attributes a tool built from `spec` has: the defaults with the spec's on top.
    public static func attributes(for spec: ToolSpec) -> [String: String] {
        defaultAttributes.merging(spec.attributes) { _, specValue in specValue }
    }
}

/// A tool's result: text as most tools return, a structured value (rendered with gson by the runner), or a
/// `ModelTensorOutput` document (an agent's output, from `AgentTool`).
public enum ToolOutput: Sendable, Hashable {
    case text(String)
    case json(JSONValue)
    case modelTensors(JSONValue)

    /// The string the runner sends back to the LLM (`ToolUtils.parseResponse` / `outputToOutputString`): of
    /// tensors, the first one's `dataAsMap` as gson writes it, else its `result`.
    public var text: String {
        switch self {
        case .text(let text): return text
        case .json(let value): return value.gsonText
        case .modelTensors:
            guard let first = tensors.first else { return "" }
            if let map = first["dataAsMap"] { return map.gsonNormalized.gsonText }
            return first["result"]?.stringValue ?? ""
        }
    }

    /// The text a function-calling LLM gets back (`ToolUtils.parseResponse`): a `ModelTensorOutput` whole, as
    /// XContent writes it; other results as ``text``.
    public var responseText: String {
        guard case .modelTensors(let document) = self else { return text }
        return document.compactText
    }

    /// The tensors of a `ModelTensorOutput` (all outputs, in order); empty for other results.
    public var tensors: [JSONValue] {
        guard case .modelTensors(let document) = self else { return [] }
        return (document["inference_results"]?.arrayValue ?? []).flatMap { $0["output"]?.arrayValue ?? [] }
    }
}
