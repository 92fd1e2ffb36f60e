import Foundation
import MLAlgorithms
import MLCommonsCore
import Testing

@Suite struct RandomCutForestTests {
    /// A smooth signal with one spike.
    static func series(spikeAt spike: Int, count: Int = 300) -> [[Double]] {
        (0..<count).map { index -> [Double] in
            guard index != spike else { return [40, -30] }
            let step = Double(index)
            return [sin(step / 5) * 2, cos(step / 7)]
        }
    }

    @Test func theSpikeScoresHighestAndIsAnomalous() throws {
        let rows = Self.series(spikeAt: 250)
        let frame = DataFrame(
            columns: [.init(name: "a", type: "DOUBLE"), .init(name: "b", type: "DOUBLE")],
            rows: rows.map { $0.map(ColumnValue.double) })
        let (_, scored) = try BatchRCF.train(frame, BatchRCF.Parameters())
        #expect(scored.columns.map(\.name) == ["score", "anomalous"])
        let scores = scored.rows.map { row -> Double in if case .double(let value) = row[0] { return value } else { return -1 } }
        #expect(scores.prefix(32).allSatisfy { $0 == 0 }, "no score before output_after")
        #expect(scores.indices.max { scores[$0] < scores[$1] } == 250)
        #expect(scored.rows[250][1] == .boolean(true))
        #expect(scored.rows[200][1] == .boolean(false))
    }

    @Test func aTrainedForestScoresTheSameWayAgain() throws {
        let rows = Self.series(spikeAt: -1, count: 200)
        let frame = DataFrame(columns: [.init(name: "a", type: "DOUBLE"), .init(name: "b", type: "DOUBLE")], rows: rows.map { $0.map(ColumnValue.double) })
        let (model, _) = try BatchRCF.train(frame, BatchRCF.Parameters())
        let probe = DataFrame(columns: frame.columns, rows: [[.double(0.5), .double(0.5)], [.double(60), .double(60)]])
        let first = try BatchRCF.predict(model, probe)
        #expect(first == (try BatchRCF.predict(model, probe)))
        guard case .double(let near) = first.rows[0][0], case .double(let far) = first.rows[1][0] else {
            Issue.record("scores are doubles")
            return
        }
        #expect(far > near)
    }

    @Test func fitRCFGradesTheSpikeInTime() throws {
        let start = 1_700_000_000_000
        let rows = Self.series(spikeAt: 260).enumerated().map { index, values -> [ColumnValue] in
            [.long(start + index * 60_000), .double(values[0])]
        }
        let frame = DataFrame(columns: [.init(name: "timestamp", type: "LONG"), .init(name: "value", type: "DOUBLE")], rows: rows)
        var parameters = FitRCF.Parameters()
        parameters.shingleSize = 4
        let (_, graded) = try FitRCF.train(frame, parameters)
        #expect(graded.columns.map(\.name) == ["score", "anomaly_grade", "timestamp"])
        let grades = graded.rows.map { row -> Double in if case .double(let value) = row[1] { return value } else { return -1 } }
        #expect(grades[260] > 0)
        #expect(grades.prefix(200).allSatisfy { $0 == 0 })
    }

    @Test func fitRCFRefusesAnIntegerTimeField() {
        let frame = DataFrame(columns: [.init(name: "timestamp", type: "INTEGER"), .init(name: "v", type: "DOUBLE")], rows: [[.integer(1), .double(1)]])
        #expect(throws: OpenSearchError("MLValidationException", reason: "Wrong data type of time field. Should use LONG or STRING, but got INTEGER", status: 400)) {
            try FitRCF.train(frame, FitRCF.Parameters())
        }
    }
}
