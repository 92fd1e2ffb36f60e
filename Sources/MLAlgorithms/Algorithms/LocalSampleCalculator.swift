import MLCommonsCore

/// `local_sample_calculator`: `sum`, `max` or `min` of `input_data`, answered as `{"result": <double>}`.
public enum LocalSampleCalculator {
    /// Parses the `_execute` body (`LocalSampleCalculatorInput.parse`).
    public static func parse(_ body: JSONValue) throws(OpenSearchError) -> (operation: String, values: [Double]) {
        let fields = try RequestObject(body)
        guard let operation = try fields.string("operation") else { throw .illegalArgument("wrong operation") }
        var values: [Double] = []
        for value in try fields.array("input_data") ?? [] {
            guard let number = value.numberValue else { throw .illegalArgument("empty input data") }
            values.append(number.doubleValue)
        }
        guard !values.isEmpty else { throw .illegalArgument("empty input data") }
        return (operation, values)
    }

    public static func run(operation: String, values: [Double]) throws(OpenSearchError) -> JSONValue {
        let result: Double
        switch operation {
        case "sum": result = values.reduce(0, +)
        case "max": result = values.max() ?? 0
        case "min": result = values.min() ?? 0
        default: throw .illegalArgument("can't support this operation")
        }
        return ["result": .number(JSONNumber(result))]
    }
}
