import Foundation
import MLCommonsCore

/// `anomaly_localization` (`AnomalyLocalizerImpl`): the time range cut into buckets, an aggregate per bucket,
/// and, for buckets that moved away from the first (base) one, the attribute values that moved them most.
public struct AnomalyLocalization: Sendable {
    /// One named single-value aggregation (`{"max": {"max": {"field": "value"}}}`).
    public struct Aggregation: Sendable {
        public let name: String
        public let kind: String
        public let field: String
    }

    public let indexName: String
    public let attributeFields: [String]
    public let aggregations: [Aggregation]
    public let timeField: String
    public let startTime: Int64
    public let endTime: Int64
    public let minTimeInterval: Int64
    public let numOutputs: Int
    public let anomalyStartTime: Int64?
    public let filter: SearchQuery?

    static let aggregationKinds: Set<String> = ["max", "min", "sum", "avg", "value_count"]

    /// `AnomalyLocalizationInput.parse`.
    public init(parsing body: JSONValue) throws(OpenSearchError) {
        let fields = try RequestObject(body)
        indexName = try fields.string("index_name") ?? ""
        attributeFields = try fields.stringList("attribute_field_names") ?? []
        var aggregations: [Aggregation] = []
        for entry in try fields.array("aggregations") ?? [] {
            for (name, definition) in entry.objectValue ?? [:] {
                guard let object = definition.objectValue, let kind = object.keys.first,
                    Self.aggregationKinds.contains(kind), let field = object[kind]?["field"]?.stringValue
                else { throw .illegalArgument("the emulator localizes max, min, sum, avg and value_count aggregations on a field") }
                aggregations.append(Aggregation(name: name, kind: kind, field: field))
            }
        }
        self.aggregations = aggregations
        timeField = try fields.string("time_field_name") ?? ""
        startTime = try fields.long("start_time") ?? 0
        endTime = try fields.long("end_time") ?? 0
        minTimeInterval = try fields.long("min_time_interval") ?? 0
        numOutputs = try fields.int("num_outputs", coerce: false) ?? 0
        anomalyStartTime = try fields.long("anomaly_start_time")
        filter = try fields.object("filter_query").map { object throws(OpenSearchError) in try SearchQuery(parsing: .object(object)) }
    }

    /// The buckets of `getTimeBuckets`: the base first. Java's `long` arithmetic wraps, and so does this; a
    /// zero bucket count divides by zero as it does there, a negative one leaves the base alone.
    func buckets() throws(OpenSearchError) -> [(start: Int64, end: Int64)] {
        guard minTimeInterval != 0 else { throw Self.divisionByZero }
        guard endTime &- startTime >= 2 &* minTimeInterval else { throw .illegalArgument("Time range is too short") }
        let from = anomalyStartTime ?? startTime
        let end = anomalyStartTime.map { max(endTime, $0 &+ minTimeInterval) } ?? endTime
        // `(int) Math.min(...)`, with Java's wrapping `long` division.
        let count = Int64(Int32(truncatingIfNeeded: min(Self.javaDivide(end &- from, minTimeInterval), anomalyStartTime == nil ? 8 : 7)))
        guard count != 0 else { throw Self.divisionByZero }
        let interval = Self.javaDivide(end &- from, count)
        let first: Int64 = anomalyStartTime == nil ? 1 : 0
        let baseStart = anomalyStartTime.map { min(startTime, $0 &- interval) } ?? startTime
        var buckets = [(baseStart, baseStart &+ interval)]
        if count > first {
            for index in first..<count { buckets.append((from &+ index &* interval, from &+ (index &+ 1) &* interval)) }
        }
        return buckets
    }

    static let divisionByZero = OpenSearchError("ArithmeticException", reason: "/ by zero", status: 500)

    /// Java's `long` division: `Long.MIN_VALUE / -1` wraps instead of trapping.
    static func javaDivide(_ dividend: Int64, _ divisor: Int64) -> Int64 {
        dividend.dividedReportingOverflow(by: divisor).partialValue
    }

    /// Runs over the index's documents.
    public func run(over documents: [StoredDocument]) throws(OpenSearchError) -> JSONValue {
        let buckets = try buckets()
        let candidates = try filter?.matching(documents) ?? documents
        var results: [JSONValue] = []
        for aggregation in aggregations {
            let inBucket = buckets.map { bucket in candidates.filter { document in
                guard let time = Self.millis(document.values(at: timeField).first) else { return false }
                return time >= bucket.start && time <= bucket.end
            } }
            let overall = inBucket.map { aggregate(aggregation, $0) }
            var rendered: [JSONValue] = []
            for (index, bucket) in buckets.enumerated() {
                var object: JSONObject = [
                    "start_time": .number(JSONNumber(Int(bucket.start))), "end_time": .number(JSONNumber(Int(bucket.end))),
                    "overall_aggregate_value": .number(JSONNumber(overall[index])),
                ]
                if index > 0, needsLocalization(index: index, bucket: bucket, overall: overall) {
                    let entities = localize(aggregation, base: inBucket[0], current: inBucket[index], overall: overall[index], baseOverall: overall[0])
                    if !entities.isEmpty { object["entities"] = .array(entities) }
                }
                rendered.append(.object(object))
            }
            results.append(["name": .string(aggregation.name), "result": ["buckets": .array(rendered)]])
        }
        return ["results": .array(results)]
    }

    func needsLocalization(index: Int, bucket: (start: Int64, end: Int64), overall: [Double]) -> Bool {
        if let anomalyStart = anomalyStartTime { return bucket.end > anomalyStart }
        let ratio = overall[index] / overall[0]
        return !ratio.isNaN && abs(1 - ratio) > 0.01
    }

    /// The entities whose change points the way the bucket moved, largest first (smallest when it fell).
    func localize(_ aggregation: Aggregation, base: [StoredDocument], current: [StoredDocument], overall: Double, baseOverall: Double) -> [JSONValue] {
        let grouped = Dictionary(grouping: current) { key(of: $0) }
        let baseGrouped = Dictionary(grouping: base) { key(of: $0) }
        let direction = (overall - baseOverall).sign
        var entities = grouped.compactMap { key, documents -> (key: [String], contribution: Double, base: Double, new: Double)? in
            guard let key else { return nil }
            let new = aggregate(aggregation, documents)
            let old = aggregate(aggregation, baseGrouped[key] ?? [])
            return (key, new - old, old, new)
        }
        entities.sort { overall > 0 ? $0.contribution > $1.contribution : $0.contribution < $1.contribution }
        return entities.prefix(max(0, numOutputs)).filter { $0.contribution != 0 && $0.contribution.sign == direction }.map { entity in
            [
                "key": .array(entity.key.map(JSONValue.string)), "contribution_value": .number(JSONNumber(entity.contribution)),
                "base_value": .number(JSONNumber(entity.base)), "new_value": .number(JSONNumber(entity.new)),
            ]
        }
    }

    func key(of document: StoredDocument) -> [String]? {
        var key: [String] = []
        for field in attributeFields {
            guard let value = document.values(at: field).first else { return nil }
            key.append(value.stringValue ?? JSONWriter().string(value))
        }
        return key
    }

    /// A single-value aggregation; a value that is not finite (the max of nothing) counts as 0.
    func aggregate(_ aggregation: Aggregation, _ documents: [StoredDocument]) -> Double {
        let values = documents.flatMap { $0.values(at: aggregation.field) }.compactMap { $0.numberValue?.doubleValue }
        let result: Double
        switch aggregation.kind {
        case "max": result = values.max() ?? -.infinity
        case "min": result = values.min() ?? .infinity
        case "sum": result = values.reduce(0, +)
        case "avg": result = values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
        default: result = Double(values.count)
        }
        return result.isFinite ? result : 0
    }

    /// Epoch milliseconds from a number or an ISO-8601 date.
    static func millis(_ value: JSONValue?) -> Int64? {
        if let number = value?.numberValue {
            let double = number.doubleValue
            return double.isFinite && abs(double) < 0x1p63 ? Int64(double) : nil
        }
        guard let text = value?.stringValue else { return nil }
        if let number = Int64(text) { return number }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.date(from: text).map { Int64($0.timeIntervalSince1970 * 1000) }
    }
}
