import Foundation
import MLCommonsCore

/// `fit_rcf` (ml-commons' `FixedInTimeRandomCutForest` over a thresholded forest): rows in time order, the
/// last `shingle_size` rows as one point, an anomaly score per row and a grade when the score rises past a
/// threshold learned from the scores so far (the larger of 1 and their mean plus three deviations).
public enum FitRCF {
    /// `FitRCFParams` with `FixedInTimeRandomCutForest`'s defaults.
    public struct Parameters: Sendable, Codable, Hashable {
        public var trees = 30
        public var shingleSize = 8
        public var sampleSize = 256
        public var outputAfter = 32
        public var timeDecay = 0.0001
        public var anomalyRate = 0.005
        public var timeField = "timestamp"
        public var dateFormat = "yyyy-MM-dd HH:mm:ss"
        public var timeZone = "UTC"

        public init() {}

        public init(parsing parameters: JSONObject?) throws(OpenSearchError) {
            guard let parameters else { return }
            let fields = try RequestObject(.object(parameters))
            if let trees = try fields.int("number_of_trees", coerce: false) { self.trees = trees }
            if let shingle = try fields.int("shingle_size", coerce: false) { shingleSize = shingle }
            if let size = try fields.int("sample_size", coerce: false) { sampleSize = size }
            if let after = try fields.int("output_after", coerce: false) { outputAfter = after }
            if let decay = fields.object["time_decay"]?.numberValue?.doubleValue { timeDecay = decay }
            if let rate = fields.object["anomaly_rate"]?.numberValue?.doubleValue { anomalyRate = rate }
            if let field = try fields.string("time_field") { timeField = field }
            if let format = try fields.string("date_format") { dateFormat = format }
            if let zone = try fields.string("time_zone") { timeZone = zone }
            guard trees > 0, trees <= 1000, shingleSize > 0, shingleSize <= 1000, sampleSize > 0, sampleSize <= 100_000 else {
                throw .illegalArgument("Unsupported algorithm: FIT_RCF")
            }
        }
    }

    /// A trained forest, kept as the rows it learned from (the seed rebuilds it exactly).
    public struct Model: Sendable, Codable, Hashable {
        public let parameters: Parameters
        public let rows: [Row]
    }

    /// One input row: its time and its values.
    public struct Row: Sendable, Codable, Hashable {
        let time: Int64
        let values: [Double]
    }

    public static func train(_ frame: DataFrame, _ parameters: Parameters) throws(OpenSearchError) -> (Model, DataFrame) {
        let rows = try self.rows(frame, parameters)
        var state = State(parameters)
        var output: [[ColumnValue]] = []
        for row in rows { output.append(state.process(row, learning: true)) }
        return (Model(parameters: parameters, rows: rows), DataFrame(columns: columns(parameters), rows: output))
    }

    public static func predict(_ model: Model, _ frame: DataFrame) throws(OpenSearchError) -> DataFrame {
        let rows = try self.rows(frame, model.parameters)
        var state = State(model.parameters)
        for row in model.rows { _ = state.process(row, learning: true) }
        return DataFrame(columns: columns(model.parameters), rows: rows.map { state.process($0, learning: true) })
    }

    /// The forest, the shingle and the threshold's running moments.
    struct State {
        var forest: RandomCutForest
        var shingle: [[Double]] = []
        var count = 0.0
        var mean = 0.0
        var squares = 0.0
        let parameters: Parameters

        init(_ parameters: Parameters) {
            self.parameters = parameters
            forest = RandomCutForest(
                trees: parameters.trees, sampleSize: parameters.sampleSize, outputAfter: parameters.outputAfter,
                timeDecay: parameters.timeDecay, seed: BatchRCF.seed)
        }

        mutating func process(_ row: Row, learning: Bool) -> [ColumnValue] {
            shingle.append(row.values)
            if shingle.count > parameters.shingleSize { shingle.removeFirst() }
            var score = 0.0
            var grade = 0.0
            if shingle.count == parameters.shingleSize {
                let point = shingle.flatMap { $0 }
                score = forest.score(point)
                if score > 0 {
                    let deviation = count > 1 ? (squares / (count - 1)).squareRoot() : 0
                    let threshold = max(1, mean + 3 * deviation)
                    if count >= 1, score > threshold { grade = min(1, (score - threshold) / threshold) }
                    // Welford's running mean and variance of the scores seen.
                    count += 1
                    let delta = score - mean
                    mean += delta / count
                    squares += delta * (score - mean)
                }
                if learning { forest.update(point) }
            }
            var cells: [String: ColumnValue] = [
                parameters.timeField: .long(Int(row.time)), "score": .double(score), "anomaly_grade": .double(grade),
            ]
            return JavaHashMapOrder.ordered([parameters.timeField, "score", "anomaly_grade"]).map { cells.removeValue(forKey: $0) ?? .null }
        }
    }

    /// The output's columns in the `HashMap` order ml-commons builds each row in.
    static func columns(_ parameters: Parameters) -> [DataFrame.Column] {
        JavaHashMapOrder.ordered([parameters.timeField, "score", "anomaly_grade"]).map { name in
            .init(name: name, type: name == parameters.timeField ? "LONG" : "DOUBLE")
        }
    }

    /// The rows' times (a `LONG` of epoch milliseconds, or a `STRING` in `date_format`) and values.
    static func rows(_ frame: DataFrame, _ parameters: Parameters) throws(OpenSearchError) -> [Row] {
        guard let timeIndex = frame.columns.firstIndex(where: { $0.name == parameters.timeField }) else {
            throw .illegalArgument("Failed to find time field \(parameters.timeField)")
        }
        let type = frame.columns[timeIndex].type
        guard type == "LONG" || type == "STRING" else {
            throw OpenSearchError("MLValidationException", reason: "Wrong data type of time field. Should use LONG or STRING, but got \(type)", status: 400)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = parameters.dateFormat
        formatter.timeZone = TimeZone(identifier: parameters.timeZone) ?? TimeZone(identifier: "UTC")
        var rows: [Row] = []
        try ComputeBudget.check(
            [frame.rows.count, parameters.trees, parameters.shingleSize, frame.columns.count],
            "random cut forest training (rows × trees × shingle × columns)")
        for row in frame.rows {
            let time: Int64
            switch row[timeIndex] {
            case .long(let value): time = Int64(value)
            case .string(let text):
                guard let date = formatter.date(from: text) else { throw .illegalArgument("Failed to parse timestamp \(text)") }
                time = Int64(date.timeIntervalSince1970 * 1000)
            default: throw .illegalArgument("Failed to parse timestamp")
            }
            var values: [Double] = []
            for (index, cell) in row.enumerated() where index != timeIndex { values.append(try cell.doubleValue()) }
            rows.append(Row(time: time, values: values))
        }
        return rows
    }
}
