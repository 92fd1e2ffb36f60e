import Foundation
import MLCommonsCore

/// The mock's answers to a plan-execute-reflect planner, so such an agent works offline: the first plan is the
/// objective's sentences and `then` clauses, one step each; after a step ran, the plan without that step; when no
/// step is left, the result: each completed step with its result.
enum MockLLMPlanAnswers {
    /// Whether a prompt is a planner prompt (ml-commons' templates end with this reminder).
    static func isPlannerPrompt(_ prompt: String) -> Bool {
        prompt.contains("Objective: ") && prompt.hasSuffix("Respond only in JSON format following the required schema.")
    }

    /// `{"steps":[…],"result":"…"}` for a planner prompt.
    static func plan(for prompt: String) -> String {
        guard let plan = section(of: prompt, after: ["Original plan:\n[", "Previous plan:\n["], endingBefore: "] \n\nYou have currently executed")
        else {
            return answer(steps: steps(of: objective(in: prompt)), result: "")
        }
        // The planner joins its steps with ", " and asks for steps without commas.
        let remaining = plan.components(separatedBy: ", ").dropFirst().filter { !$0.isEmpty }
        if !remaining.isEmpty { return answer(steps: Array(remaining), result: "") }
        return answer(steps: [], result: report(of: completedSteps(in: prompt)))
    }

    private static func answer(steps: [String], result: String) -> String {
        let value: JSONValue = ["steps": .array(steps.map(JSONValue.string)), "result": .string(result)]
        return value.compactText
    }

    /// The objective: fenced by ```` ``` ```` after `Objective: `, else up to the blank line after it.
    static func objective(in prompt: String) -> String {
        guard let start = prompt.range(of: "Objective: ") else { return "" }
        let rest = prompt[start.upperBound...]
        if rest.hasPrefix("```"), let close = rest.dropFirst(3).range(of: "```") {
            return String(rest.dropFirst(3)[..<close.lowerBound])
        }
        let end = rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex
        return rest[..<end].trimmingCharacters(in: .whitespaces)
    }

    /// One step a sentence, sentences split again at `then`; without commas, as the planner's rules ask.
    static func steps(of objective: String) -> [String] {
        var steps: [String] = []
        for sentence in MockLLMMemoryAnswers.sentences(of: objective) {
            var rest = sentence
            while let separator = [", and then ", " and then ", ", then ", "; then ", " then "]
                .compactMap({ rest.range(of: $0, options: .caseInsensitive) }).min(by: { $0.lowerBound < $1.lowerBound })
            {
                steps.append(String(rest[..<separator.lowerBound]))
                rest = String(rest[separator.upperBound...])
            }
            steps.append(rest)
        }
        return steps.map { step in
            let text = step.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
            return text.prefix(1).uppercased() + text.dropFirst()
        }.filter { !$0.isEmpty }
    }

    /// The completed steps block of a reflect prompt as (step, result) pairs (`\nStep N: …\n, \nStep N Result: …\n`).
    static func completedSteps(in prompt: String) -> [(step: String, result: String)] {
        guard let start = prompt.range(of: "executed the following steps from the original plan: \n[")
            ?? prompt.range(of: "executed the following steps: \n["),
            let end = prompt.range(of: "] \n\n", options: .backwards, range: start.upperBound..<prompt.endIndex)
        else { return [] }
        var block = Substring(prompt[start.upperBound..<end.lowerBound])
        var pairs: [(step: String, result: String)] = []
        var number = 1
        while let stepStart = block.range(of: "\nStep \(number): ") {
            guard let resultStart = block.range(of: "\n, \nStep \(number) Result: ", range: stepStart.upperBound..<block.endIndex) else { break }
            let next = block.range(of: "\n, \nStep \(number + 1): ", range: resultStart.upperBound..<block.endIndex)
            var result = block[resultStart.upperBound..<(next?.lowerBound ?? block.endIndex)]
            if next == nil, result.hasSuffix("\n") { result = result.dropLast() }
            pairs.append((String(block[stepStart.upperBound..<resultStart.lowerBound]), String(result)))
            // The next pair starts after the ", " that joins them.
            block = next.map { block[$0.lowerBound...].dropFirst(3) } ?? ""
            number += 1
        }
        return pairs
    }

    /// The text between the first of `openings` and `closing`.
    private static func section(of prompt: String, after openings: [String], endingBefore closing: String) -> String? {
        guard let start = openings.lazy.compactMap({ prompt.range(of: $0) }).first,
            let end = prompt.range(of: closing, range: start.upperBound..<prompt.endIndex)
        else { return nil }
        return String(prompt[start.upperBound..<end.lowerBound])
    }

    private static func report(of steps: [(step: String, result: String)]) -> String {
        steps.enumerated().map { "Step \($0.offset + 1): \($0.element.step)\nResult: \($0.element.result)" }.joined(separator: "\n\n")
    }
}
