import Foundation
import Testing

/// Whole stream bodies compared with golden files, `fixtures/golden/<name>.sse`.
///
/// A body is normalised before it is compared or written: values made up at random, from the clock or from a hash
/// of the upstream request become placeholders. Ids are numbered per kind in order of first appearance
/// (`<id-1>`, `<id-2>`, …), so equal ids stay equal and a golden file still shows which chunks share one.
///
/// With `REGENERATE_GOLDEN=1` in the environment the normalised body is written to the file instead of compared.
enum GoldenStream {
    /// `fixtures/golden/` at the repository root.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/golden")

    static let regenerateCommand = "REGENERATE_GOLDEN=1 swift test --filter GoldenStream"

    static var regenerating: Bool { ProcessInfo.processInfo.environment["REGENERATE_GOLDEN"] == "1" }

    /// Expects `body`, normalised, to equal `fixtures/golden/<name>.sse`; or writes it there when regenerating.
    static func check(_ body: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent("\(name).sse")
        let actual = normalize(body)
        if regenerating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record(
                "Missing golden file fixtures/golden/\(name).sse; create it with `\(regenerateCommand)` and review it.",
                sourceLocation: sourceLocation)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(
            actual == expected,
            """
            Body differs from fixtures/golden/\(name).sse\(firstDifference(actual, expected))
            If the change is intended, regenerate with `\(regenerateCommand)` and review the diff.
            """,
            sourceLocation: sourceLocation)
    }

    /// `body` with its volatile values replaced by placeholders.
    static func normalize(_ body: String) -> String {
        // ListIndexTool's CSV (`_cat/indices` cells): store sizes count the bytes of stored documents, whose
        // nanosecond timestamps drop trailing zeros and so vary in length from run to run.
        var text = body.replacing(
            /((?:\\n|\n)[0-9]+,(?:green|yellow|red),(?:open|close),[^,"\\]+,)([A-Za-z0-9_-]{22})(,[0-9]+,[0-9]+,[0-9]+,[0-9]+,)[0-9.]+[kmgtp]?b,[0-9.]+[kmgtp]?b/
        ) { match -> String in
            "\(match.output.1)\(match.output.2)\(match.output.3)<size>,<size>"
        }
        // OpenAI's `created` (Unix seconds), in plain or escaped JSON.
        text = text.replacing(/(created\\*"\s*:\s*)[0-9]+/) { match -> String in "\(match.output.1)<created>" }
        // AG-UI events: epoch-millisecond timestamps.
        text = text.replacing(/"timestamp":[0-9]+/, with: "\"timestamp\":<timestamp>")

        var tokens: [(kind: String, value: String)] = []
        // Document ids (memory, message, …: 20 characters of URL-safe base64), found by the field carrying them,
        // in plain or escaped JSON: `{"name":"memory_id","result":"…"}` and `"message_id":"…"`.
        for match in text.matches(
            of: /\\?"name\\?"\s*:\s*\\?"[A-Za-z_]*_id\\?"\s*,\s*\\?"result\\?"\s*:\s*\\?"([A-Za-z0-9_-]{20,22})\\?"/)
        {
            tokens.append(("id", String(match.output.1)))
        }
        for match in text.matches(of: /\\?"(?:[A-Za-z_]*_id|id)\\?"\s*:\s*\\?"([A-Za-z0-9_-]{20,22})\\?"/) {
            tokens.append(("id", String(match.output.1)))
        }
        // Index uuids (22 characters, random) in ListIndexTool's CSV rows.
        for match in text.matches(of: /(?:\\n|\n)[0-9]+,(?:green|yellow|red),(?:open|close),[^,"\\]+,([A-Za-z0-9_-]{22}),/) {
            tokens.append(("index-uuid", String(match.output.1)))
        }
        // The mock's ids, derived from a hash of the upstream request.
        for match in text.matches(of: /chatcmpl-mock-[0-9a-f]+/) {
            tokens.append(("completion", String(match.output)))
        }
        for match in text.matches(of: /(?:call|tooluse)_mock_[0-9a-f]+/) {
            tokens.append(("tool-call", String(match.output)))
        }
        // AG-UI message ids (`msg_` and a nanosecond clock).
        for match in text.matches(of: /msg_[0-9]+/) {
            tokens.append(("message", String(match.output)))
        }

        // Number each kind's distinct values in order of first appearance, then replace every occurrence.
        let ordered = tokens
            .map { token in (token, text.range(of: token.value)?.lowerBound ?? text.endIndex) }
            .sorted { $0.1 < $1.1 }
            .map { $0.0 }
        var placeholders: [String: String] = [:]
        var counts: [String: Int] = [:]
        for token in ordered where placeholders[token.value] == nil {
            let number = counts[token.kind, default: 0] + 1
            counts[token.kind] = number
            placeholders[token.value] = "<\(token.kind)-\(number)>"
        }
        for (value, placeholder) in placeholders.sorted(by: { $0.key.count > $1.key.count }) {
            text = text.replacingOccurrences(of: value, with: placeholder)
        }
        return text
    }

    /// Where two bodies first differ, line by line, for the failure message.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let got = actual.components(separatedBy: "\n")
        let want = expected.components(separatedBy: "\n")
        for index in 0..<max(got.count, want.count) {
            let line = index < got.count ? got[index] : "(end of body)"
            let wanted = index < want.count ? want[index] : "(end of file)"
            if line != wanted { return ", first at line \(index + 1):\n  got:      \(line)\n  expected: \(wanted)" }
        }
        return "."
    }
}
