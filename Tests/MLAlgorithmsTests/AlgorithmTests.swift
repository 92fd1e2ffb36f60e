import MLAlgorithms
import MLCommonsCore
import Testing

@Suite struct AlgorithmTests {
    static func frame(_ names: [String], _ rows: [[Double]]) -> DataFrame {
        DataFrame(columns: names.map { .init(name: $0, type: "DOUBLE") }, rows: rows.map { $0.map(ColumnValue.double) })
    }

    @Test func splittableRandomMatchesJava() {
        // Values printed by java.util.SplittableRandom(12345).split() on a JDK.
        var base = SplittableRandom(seed: 12345)
        var random = base.split()
        #expect(random.nextLong() == -3_118_613_617_644_840_758)
        #expect(random.nextInt(7) == 1)
        #expect(random.nextInt(16) == 9)
        #expect(random.nextDouble() == 0.35642357879199915)
        #expect(random.nextInt(1_000_000_007) == 626_227_212)
    }

    @Test(arguments: [KMeans.Distance.euclidean, .l1])
    func kMeansFindsSeparatedClusters(distance: KMeans.Distance) throws {
        let low = [[0.1, 0.2], [0.3, 0.1], [0.2, 0.4], [0.0, 0.3]]
        let high = [[9.8, 10.1], [10.2, 9.9], [10.0, 10.3], [9.9, 9.7]]
        var parameters = KMeans.Parameters()
        parameters.distance = distance
        let data = Self.frame(["x", "y"], low + high)
        let model = try KMeans.train(data, parameters)
        let clusters = try KMeans.predict(model, data).rows.map { $0[0] }
        #expect(Set(clusters.prefix(4)).count == 1)
        #expect(Set(clusters.suffix(4)).count == 1)
        #expect(clusters[0] != clusters[4])
    }

    @Test func kMeansColumnsAreMatchedByNameNotPosition() throws {
        let data = Self.frame(["b", "a"], [[0, 0], [0, 1], [10, 10], [10, 11]])
        let model = try KMeans.train(data, KMeans.Parameters())
        #expect(model.features == ["a", "b"])
        let swapped = Self.frame(["a", "b"], [[10.5, 10], [0.5, 0]])
        #expect(try KMeans.predict(model, swapped).rows == KMeans.predict(model, Self.frame(["b", "a"], [[10, 10.5], [0, 0.5]])).rows)
    }

    @Test func linearRegressionRecoversKnownCoefficients() throws {
        // y = 2·x1 − 3·x2 + 5, on a grid.
        var rows: [[Double]] = []
        for x1 in stride(from: 0.0, through: 4, by: 1) {
            for x2 in stride(from: 0.0, through: 3, by: 1) { rows.append([x1, x2, 2 * x1 - 3 * x2 + 5]) }
        }
        var parameters = LinearSGD.Parameters(logistic: false)
        parameters.target = "y"
        parameters.learningRate = 0.5
        let model = try LinearSGD.train(Self.frame(["x1", "x2", "y"], rows), parameters, logistic: false)
        let weights = try #require(model.weights.first)
        #expect(abs(weights[0] - 2) < 0.01 && abs(weights[1] + 3) < 0.01 && abs(weights[2] - 5) < 0.01, "\(weights)")
        let predicted = try LinearSGD.predict(model, Self.frame(["x1", "x2"], [[10, 1]]))
        #expect(predicted.columns == [.init(name: "y", type: "DOUBLE")])
        guard case .double(let value) = predicted.rows[0][0] else { Issue.record("not a double"); return }
        #expect(abs(value - 22) < 0.1)
    }

    @Test func linearRegressionNeedsItsTarget() {
        #expect(throws: OpenSearchError.illegalArgument("Empty target when generating dataset from data frame.")) {
            try LinearSGD.train(Self.frame(["x"], [[1]]), LinearSGD.Parameters(logistic: false), logistic: false)
        }
    }

    @Test func logisticRegressionSeparatesLabels() throws {
        let columns: [DataFrame.Column] = [.init(name: "x", type: "DOUBLE"), .init(name: "label", type: "STRING")]
        let rows: [[ColumnValue]] = (0..<10).map { index in
            let x = Double(index)
            return [.double(x), .string(x < 5 ? "low" : "high")]
        }
        var parameters = LinearSGD.Parameters(logistic: true)
        parameters.target = "label"
        parameters.epochs = 50
        let model = try LinearSGD.train(DataFrame(columns: columns, rows: rows), parameters, logistic: true)
        let predicted = try LinearSGD.predict(model, Self.frame(["x"], [[0], [9]]))
        #expect(predicted.rows == [[.string("low")], [.string("high")]])
    }

    @Test func sampleCalculator() throws {
        #expect(try LocalSampleCalculator.run(operation: "max", values: [1, 2, 3]) == ["result": .number(JSONNumber(text: "3.0"))])
        #expect(try LocalSampleCalculator.run(operation: "sum", values: [1, 2.5]) == ["result": .number(JSONNumber(text: "3.5"))])
        #expect(throws: OpenSearchError.illegalArgument("can't support this operation")) {
            try LocalSampleCalculator.run(operation: "MAX", values: [1])
        }
    }

    @Test func anomalyLocalizationFindsTheAttributeThatMoved() throws {
        let day: Int64 = 86_400_000
        let start: Int64 = 1_620_630_000_000
        var documents: [StoredDocument] = []
        for dayIndex in 0..<4 {
            for attribute in ["a", "b"] {
                // `b` jumps on the last day; `a` stays flat.
                let value = attribute == "b" && dayIndex == 3 ? 50.0 : 10.0
                documents.append(StoredDocument(
                    index: "metrics", id: "\(dayIndex)\(attribute)", version: 1, seqNo: 0, primaryTerm: 1,
                    source: ["timestamp": .number(JSONNumber(Int(start + Int64(dayIndex) * day + 1000))),
                             "attribute": .string(attribute), "value": .number(JSONNumber(value))]))
            }
        }
        let input = try AnomalyLocalization(parsing: [
            "index_name": "metrics", "attribute_field_names": ["attribute"],
            "aggregations": [["sum": ["sum": ["field": "value"]]]], "time_field_name": "timestamp",
            "start_time": .number(JSONNumber(Int(start))), "end_time": .number(JSONNumber(Int(start + 4 * day))),
            "min_time_interval": .number(JSONNumber(Int(day))), "num_outputs": 10,
        ])
        let buckets = try #require(input.run(over: documents)["results"]?.arrayValue?.first?["result"]?["buckets"]?.arrayValue)
        #expect(buckets.count == 4)
        #expect(buckets.map { $0["overall_aggregate_value"] } == [20.0, 20.0, 20.0, 60.0].map { .number(JSONNumber($0)) })
        #expect(buckets[1]["entities"] == nil)
        #expect(buckets[3]["entities"] == [["key": ["b"], "contribution_value": 40.0, "base_value": 10.0, "new_value": 50.0]])
    }
}
