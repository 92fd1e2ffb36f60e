import MLCommonsCore

/// `batch_rcf`: every row scored by a random cut forest over the frame's columns, then (while within
/// `training_data_size`) added to it; `anomalous` when the score passes `anomaly_score_threshold`.
public enum BatchRCF {
    /// `BatchRCFParams` with `BatchRandomCutForest`'s defaults.
    public struct Parameters: Sendable, Codable, Hashable {
        public var trees = 30
        public var sampleSize = 256
        public var outputAfter = 32
        public var trainingDataSize: Int?
        public var threshold = 1.0

        public init() {}

        public init(parsing parameters: JSONObject?) throws(OpenSearchError) {
            guard let parameters else { return }
            let fields = try RequestObject(.object(parameters))
            if let trees = try fields.int("number_of_trees", coerce: false) { self.trees = trees }
            if let size = try fields.int("sample_size", coerce: false) { sampleSize = size }
            if let after = try fields.int("output_after", coerce: false) { outputAfter = after }
            trainingDataSize = try fields.int("training_data_size", coerce: false)
            if let threshold = fields.object["anomaly_score_threshold"]?.numberValue?.doubleValue { self.threshold = threshold }
            guard trees > 0, sampleSize > 0, trees <= 1000, sampleSize <= 100_000 else {
                throw .illegalArgument("Unsupported algorithm: BATCH_RCF")
            }
        }
    }

    /// A trained forest, kept as the rows it learned from: the seed rebuilds it exactly.
    public struct Model: Sendable, Codable, Hashable {
        public let parameters: Parameters
        public let rows: [[Double]]
    }

    /// The forest's seed: randomcutforest-java draws one at random; a fixed one keeps runs repeatable.
    public static let seed: Int64 = 0

    public static func train(_ frame: DataFrame, _ parameters: Parameters) throws(OpenSearchError) -> (Model, DataFrame) {
        let rows = try points(frame)
        let limit = parameters.trainingDataSize ?? rows.count
        try ComputeBudget.check([rows.count, parameters.trees, frame.columns.count], "random cut forest training (rows × trees × columns)")
        var forest = forest(parameters)
        var output: [[ColumnValue]] = []
        for (index, row) in rows.enumerated() {
            output.append(render(forest.score(row), parameters))
            if index < limit { forest.update(row) }
        }
        return (Model(parameters: parameters, rows: Array(rows.prefix(limit))), DataFrame(columns: columns, rows: output))
    }

    /// Scores rows with a trained forest without changing it.
    public static func predict(_ model: Model, _ frame: DataFrame) throws(OpenSearchError) -> DataFrame {
        let rows = try points(frame)
        try ComputeBudget.check(
            [model.rows.count &+ rows.count, model.parameters.trees, frame.columns.count], "random cut forest scoring (rows × trees × columns)")
        var forest = forest(model.parameters)
        for row in model.rows { forest.update(row) }
        return DataFrame(columns: columns, rows: rows.map { render(forest.score($0), model.parameters) })
    }

    /// `score` then `anomalous`: the `HashMap` order of the two keys.
    static let columns: [DataFrame.Column] = [.init(name: "score", type: "DOUBLE"), .init(name: "anomalous", type: "BOOLEAN")]

    static func render(_ score: Double, _ parameters: Parameters) -> [ColumnValue] {
        [.double(score), .boolean(score > parameters.threshold)]
    }

    static func forest(_ parameters: Parameters) -> RandomCutForest {
        RandomCutForest(
            trees: parameters.trees, sampleSize: parameters.sampleSize, outputAfter: parameters.outputAfter,
            timeDecay: 1 / (10 * Double(parameters.sampleSize)), seed: seed)
    }

    /// Every cell as a double, in column order.
    static func points(_ frame: DataFrame) throws(OpenSearchError) -> [[Double]] {
        var rows: [[Double]] = []
        for row in frame.rows {
            var point: [Double] = []
            for cell in row { point.append(try cell.doubleValue()) }
            rows.append(point)
        }
        return rows
    }
}
