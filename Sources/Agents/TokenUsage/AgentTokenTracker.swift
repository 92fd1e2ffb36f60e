import MLCommonsCore

/// One agent run's token usage (`AgentTokenTracker`): a record per LLM call and a sum per model, laid out
/// the way ml-commons' `HashMap`s serialise them.
public struct AgentTokenTracker: Sendable {
    /// The model's URL and name as the records show them (`getModelMetadata`).
    public struct ModelMetadata: Sendable, Hashable {
        public var url: String
        public var name: String
    }

    private var metadata: [String: ModelMetadata] = [:]
    private var turns: [JSONObject] = []
    private var perModel: [String: (metadata: ModelMetadata, usage: TokenUsage, calls: Int)] = [:]
    /// Model ids in the order their first call was recorded (a `HashMap` breaks bucket ties by it).
    private var modelOrder: [String] = []

    public init() {}

    /// Whether any call reported usage (`hasUsage`).
    public var hasUsage: Bool { !turns.isEmpty }

    public mutating func setMetadata(_ metadata: ModelMetadata, for modelID: String) {
        self.metadata[modelID] = metadata
    }

    /// `recordTurn`: one LLM call's usage under the model that answered it.
    public mutating func record(_ usage: TokenUsage, modelID: String) {
        let model = metadata[modelID] ?? ModelMetadata(url: modelID, name: modelID)
        var turn: [(String, JSONValue)] = [
            ("turn", .number(JSONNumber(turns.count + 1))), ("model_name", .string(model.name)),
            ("model_url", .string(model.url)), ("model_id", .string(modelID)),
        ]
        turn += usage.fields
        turns.append(Self.hashMapOrdered(turn))
        if perModel[modelID] == nil { modelOrder.append(modelID) }
        var sum = perModel[modelID] ?? (model, TokenUsage(), 0)
        sum.usage = sum.usage.adding(usage)
        sum.calls += 1
        perModel[modelID] = sum
    }

    /// `toOutputMap`: `{"per_turn_usage":[…],"per_model_usage":[…]}` in `HashMap` order.
    public var output: JSONValue {
        let models = JavaHashMapOrder.ordered(modelOrder).compactMap { modelID -> JSONValue? in
            guard let sum = perModel[modelID] else { return nil }
            var fields: [(String, JSONValue)] = [
                ("model_name", .string(sum.metadata.name)), ("model_url", .string(sum.metadata.url)), ("model_id", .string(modelID)),
            ]
            fields += sum.usage.fields
            fields.append(("call_count", .number(JSONNumber(sum.calls))))
            return .object(Self.hashMapOrdered(fields))
        }
        return .object(Self.hashMapOrdered([
            ("per_model_usage", .array(models)), ("per_turn_usage", .array(turns.map(JSONValue.object))),
        ]))
    }

    /// The fields in the order a `HashMap` filled in this order iterates them.
    private static func hashMapOrdered(_ fields: [(String, JSONValue)]) -> JSONObject {
        let values = Dictionary(fields) { first, _ in first }
        return JSONObject(JavaHashMapOrder.ordered(fields.map(\.0)).compactMap { key in values[key].map { (key, $0) } })
    }
}
