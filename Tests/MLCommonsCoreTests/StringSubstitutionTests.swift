import MLCommonsCore
import Testing

@Suite("StringSubstitution (commons-text StringSubstitutor)")
struct StringSubstitutionTests {
    private func render(_ template: String, _ values: [String: String]) throws -> String {
        try StringSubstitution.parameters(values).replace(template)
    }

    @Test func replacesKnownVariables() throws {
        #expect(try render(#"{"model":"${parameters.model}"}"#, ["model": "gpt-4o"]) == #"{"model":"gpt-4o"}"#)
    }

    @Test func unknownVariableStaysVerbatim() throws {
        #expect(try render("a ${parameters.missing} b", [:]) == "a ${parameters.missing} b")
    }

    @Test func defaultValueAppliesOnlyWhenMissing() throws {
        #expect(try render("${parameters.x:-fallback}", [:]) == "fallback")
        #expect(try render("${parameters.x:-fallback}", ["x": "set"]) == "set")
        #expect(try render("[${parameters._tools:-}]", [:]) == "[]")
        #expect(try render("${parameters.a:-x:-y}", [:]) == "x:-y")
    }

    @Test func dollarEscapeLeavesLiteralPlaceholder() throws {
        #expect(try render("$${parameters.a} ${parameters.a}", ["a": "A"]) == "${parameters.a} A")
        #expect(try render("$$${parameters.a}", ["a": "A"]) == "$${parameters.a}")
        #expect(try render("${parameters.p}", ["p": "Q: ${parameters.q}", "q": "$${parameters.z}"]) == "Q: ${parameters.z}")
    }

    @Test func substitutedValuesAreSubstitutedAgain() throws {
        let values = ["prompt": "${parameters.question}", "question": "How many indices?"]
        #expect(try render(#"{"content":"${parameters.prompt}"}"#, values) == #"{"content":"How many indices?"}"#)
        let tools = [
            "tool_configs": #", "tools": [${parameters._tools:-}]"#, "_tools": #"{"name":"T"}"#,
        ]
        #expect(try render("{${parameters.tool_configs:-}}", tools) == #"{, "tools": [{"name":"T"}]}"#)
    }

    @Test func nestedVariableNamesAreNotResolved() throws {
        #expect(try render("${parameters.${parameters.x}}", ["x": "a", "a": "A"]) == "${parameters.${parameters.x}}")
        #expect(try render("${parameters.a:-${parameters.b}}", ["b": "B"]) == "${parameters.b}")
    }

    @Test func unterminatedVariableIsLeftAlone() throws {
        #expect(try render("x ${parameters.a", ["a": "A"]) == "x ${parameters.a")
    }

    @Test func cycleThrowsWithTheScannedTextAndTheChain() {
        #expect(throws: OpenSearchError.illegalState("Infinite loop in property interpolation of ${parameters.a}: a->b")) {
            try render("${parameters.a}", ["a": "${parameters.b}", "b": "${parameters.a}"])
        }
        #expect(throws: OpenSearchError.illegalState("Infinite loop in property interpolation of x ${parameters.a} y: a")) {
            try render("x ${parameters.a} y", ["a": "${parameters.a}"])
        }
        // Escapes before the first variable are already removed from the text the message quotes.
        let chain = ["a": "${parameters.b}", "b": "${parameters.c}", "c": "${parameters.a}"]
        #expect(
            throws: OpenSearchError.illegalState(
                "Infinite loop in property interpolation of ${parameters.a} ${parameters.a}: a->b->c")
        ) {
            try render("$${parameters.a} ${parameters.a}", chain)
        }
    }

    @Test func otherPrefixesWork() throws {
        let tool = StringSubstitution(prefix: "${tool.", values: ["name": "ListIndexTool", "attributes.strict": "true"])
        #expect(try tool.replace(#"{"name":"${tool.name}","strict":${tool.attributes.strict:-false}}"#)
            == #"{"name":"ListIndexTool","strict":true}"#)
        let history = StringSubstitution(prefix: "${_chat_history.message.", values: ["question": "hi"])
        #expect(try history.replace(#"{"role":"user","content":"${_chat_history.message.question}"}"#)
            == #"{"role":"user","content":"hi"}"#)
        #expect(try StringSubstitution.credential(["key": "sk-1"]).replace("Bearer ${credential.key}") == "Bearer sk-1")
    }

    @Test func nonASCIIValuesSurviveIntact() throws {
        #expect(try render("${parameters.a}|${parameters.b}", ["a": "é😀", "b": "x"]) == "é😀|x")
    }

    @Test func matchesTheInPlaceAlgorithmOnRandomTemplates() {
        Self.compareWithInPlace(
            prefix: "${parameters.", names: ["a", "b", "c"], seed: 0x5EED, templates: 4000,
            pieces: ["${parameters.", "}", "$", "a", "b", "c", ":-", "x", " ", "${parameters.a}", "$${parameters.b}", "é", "😀"])
    }

    @Test func matchesTheInPlaceAlgorithmWithANonASCIIPrefix() {
        // An escape keeps the prefix's first character, here two bytes of UTF-8.
        Self.compareWithInPlace(
            prefix: "é{p.", names: ["a", "b"], seed: 0xC0FFEE, templates: 2000,
            pieces: ["é{p.", "}", "é", "$", "a", "b", ":-", "😀", "é{p.a}", "$é{p.b}", "{"])
    }

    /// Random templates and values made of `pieces`, rendered both ways: same text or same error.
    private static func compareWithInPlace(prefix: String, names: [String], seed: UInt64, templates: Int, pieces: [String]) {
        var generator = SplitMix64(seed: seed)
        func randomText(_ maxPieces: Int) -> String {
            (0..<Int(generator.next() % UInt64(maxPieces + 1))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
        for _ in 0..<templates {
            let template = randomText(10)
            var values: [String: String] = [:]
            for name in names where generator.next() % 3 != 0 { values[name] = randomText(4) }
            let linear = Result { () throws(OpenSearchError) in try StringSubstitution(prefix: prefix, values: values).replace(template) }
            let inPlace = Result { () throws(OpenSearchError) in
                try InPlaceStringSubstitution(prefix: prefix, values: values).replace(template)
            }
            #expect(linear == inPlace, "template \(template) values \(values)")
        }
    }

    @Test func theOutputCapCountsScalars() throws {
        // 4,194,304 scalars of two bytes each fit; one more does not.
        let half = String(repeating: "é", count: StringSubstitution.maxOutputLength / 2)
        #expect(try render("${parameters.a}${parameters.a}", ["a": half]).unicodeScalars.count == StringSubstitution.maxOutputLength)
        #expect(throws: OpenSearchError.self) { try render("${parameters.a}${parameters.a}x", ["a": half]) }
    }

    @Test func doublingValuesStopAtTheOutputCap() {
        var values: [String: String] = ["p30": "x"]
        for level in 0..<30 { values["p\(level)"] = "${parameters.p\(level + 1)}${parameters.p\(level + 1)}" }
        #expect(throws: OpenSearchError.illegalArgument(
            "Property interpolation produced more than 4194304 characters; check for parameters that expand into other parameters")
        ) {
            try render("${parameters.p0}", values)
        }
    }

    @Test func longChainsStopAtTheNestingCap() throws {
        var values: [String: String] = [:]
        for level in 0..<2000 { values["p\(level)"] = "${parameters.p\(level + 1)}" }
        #expect(throws: OpenSearchError.illegalArgument("Variables nest more than 512 levels deep in property interpolation")) {
            try render("${parameters.p0}", values)
        }
        values["p600"] = "end"
        values = values.filter { Int($0.key.dropFirst())! <= 600 }
        #expect(throws: OpenSearchError.self) { try render("${parameters.p0}", values) }
        values["p400"] = "end"
        #expect(try render("${parameters.p0}", values) == "end")
    }

    @Test func manyPlaceholdersRenderEveryValue() throws {
        let template = String(repeating: "${parameters.v}", count: 100_000)
        let rendered = try render(template, ["v": "ab"])
        #expect(rendered.utf8.count == 200_000)
        #expect(rendered.allSatisfy { $0 == "a" || $0 == "b" })
    }
}
