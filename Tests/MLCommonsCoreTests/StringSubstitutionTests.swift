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
}
