import Foundation
import Testing

@testable import MLCommonsCore

/// The standard analyzer against Lucene's own: `fixtures/analysis/standard-analyzer.golden` holds
/// the terms Lucene 10's `StandardAnalyzer` gives for named and random mixed-script inputs
/// (`fixtures/analysis/make-golden.sh` regenerates it).
@Suite("Standard analyzer against Lucene")
struct StandardAnalyzerGoldenTests {
    struct Case: CustomTestStringConvertible {
        let line: Int
        let maxTokenLength: Int
        let input: String
        let terms: [String]
        var testDescription: String { "line \(line): \(input.debugDescription)" }
    }

    static let cases: [Case] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/analysis/standard-analyzer.golden")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").enumerated().map { offset, line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            return Case(
                line: offset + 1, maxTokenLength: Int(fields[0]) ?? 0, input: decode(fields.count > 1 ? fields[1] : ""),
                terms: fields.dropFirst(2).filter { !$0.isEmpty }.map(decode))
        }
    }()

    @Test func goldenFileIsThere() {
        #expect(Self.cases.count > 700)
    }

    @Test(arguments: cases)
    func termsMatchLucene(_ golden: Case) {
        let analyzer = StandardAnalyzer(tokenizer: StandardTokenizer(maxTokenLength: golden.maxTokenLength))
        #expect(analyzer.terms(golden.input) == golden.terms)
    }

    @Test func namedExamples() {
        let analyzer = StandardAnalyzer()
        #expect(analyzer.terms("mac-group-1-pub") == ["mac", "group", "1", "pub"])
        #expect(analyzer.terms("OpenAI's GPT-4o, v1.2.3 at x@y.com") == ["openai's", "gpt", "4o", "v1.2.3", "at", "x", "y.com"])
        #expect(analyzer.terms("İstanbul 日本語テキスト") == ["istanbul", "日", "本", "語", "テキスト"])
        #expect(analyzer.terms(String(repeating: "a", count: 300)).map(\.count) == [255, 45])
    }

    private static func decode(_ hex: Substring) -> String {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
