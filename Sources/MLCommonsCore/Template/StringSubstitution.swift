/// Replaces `${prefix…name}` variables the way Apache Commons Text's `StringSubstitutor` does with the
/// configuration ml-commons uses (`new StringSubstitutor(map, prefix, "}")`): escape character `$`,
/// default delimiter `:-`, substitution inside substituted values, no substitution inside variable names,
/// unknown variables left as written.
public struct StringSubstitution: Sendable {
    /// The text that opens a variable, e.g. `${parameters.`.
    public let prefix: String
    /// The text that closes a variable, `}` in every ml-commons use.
    public let suffix: String
    /// The variable values; a name that is absent here resolves to its default or stays verbatim.
    public let values: [String: String]

    private static let escapeCharacter: Unicode.Scalar = "$"
    private static let defaultDelimiter: [Unicode.Scalar] = [":", "-"]

    /// A substitution over `values` for variables written `prefix + name + suffix`.
    public init(prefix: String, suffix: String = "}", values: [String: String]) {
        self.prefix = prefix
        self.suffix = suffix
        self.values = values
    }

    /// `${parameters.NAME}`: connector payloads, URLs and (with connector parameters) headers.
    public static func parameters(_ values: [String: String]) -> StringSubstitution {
        StringSubstitution(prefix: "${parameters.", values: values)
    }

    /// `${credential.NAME}`: connector headers only.
    public static func credential(_ values: [String: String]) -> StringSubstitution {
        StringSubstitution(prefix: "${credential.", values: values)
    }

    /// The longest text a substitution may produce (in Unicode scalars): values that expand into other
    /// variables can double the text at every level, so the output is capped rather than trusted.
    public static let maxOutputLength = 4 * 1024 * 1024
    /// The deepest chain of variables resolving into variables (`a` → `b` → …) a substitution follows.
    public static let maxNestingDepth = 512

    /// `source` with every resolvable variable replaced.
    ///
    /// Throws `IllegalStateException("Infinite loop in property interpolation of <source>: a->b")` when a
    /// value refers back to a variable that is being resolved, and `IllegalArgumentException` when the
    /// result would exceed ``maxOutputLength`` or the chain ``maxNestingDepth``.
    public func replace(_ source: String) throws(OpenSearchError) -> String {
        var run = Run(prefix: Array(prefix.unicodeScalars), suffix: Array(suffix.unicodeScalars), values: values)
        let scalars = Array(source.unicodeScalars)
        guard try run.substitute(scalars, isTopLevel: true) else { return source }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: run.output)
        return String(text)
    }

    /// One `replace` call. `StringSubstitutor.substitute` edits its buffer in place and rescans each inserted
    /// value; appending to `output` and recursing into each value gives the same text in linear time.
    private struct Run {
        let prefix: [Unicode.Scalar]
        let suffix: [Unicode.Scalar]
        let values: [String: String]
        var output: [Unicode.Scalar] = []
        /// The scanned text, then the names being resolved (`priorVariables` in commons-text).
        var priorVariables: [String]? = nil
        /// The names in `priorVariables`, for a constant-time cycle check.
        var resolving: Set<String> = []
        /// Each value's scalars, converted once however often it is inserted.
        var valueScalars: [String: [Unicode.Scalar]] = [:]
        /// The names resolved inside each expansion being built, innermost last, and which finished expansions
        /// were already folded into it (so reusing one many times costs nothing more).
        var frames: [(names: Set<String>, merged: Set<String>)] = []
        /// The deepest `priorVariables` count reached.
        var deepest = 0
        /// Finished expansions of values, by name.
        var expansions: [String: Expansion] = [:]
        var altered = false

        /// A value's expansion, with the names it resolved and how much deeper it went.
        struct Expansion {
            let scalars: [Unicode.Scalar]
            let names: Set<String>
            let depth: Int
        }

        init(prefix: [Unicode.Scalar], suffix: [Unicode.Scalar], values: [String: String]) {
            self.prefix = prefix
            self.suffix = suffix
            self.values = values
        }

        /// Appends `text` with its variables resolved; returns whether anything changed.
        mutating func substitute(_ text: [Unicode.Scalar], isTopLevel: Bool) throws(OpenSearchError) -> Bool {
            let outputStart = output.count
            // Where the suffix next occurs from each position, found once: a prefix without a closing suffix
            // must not rescan the rest of the text each time.
            var nextSuffix: [Int]?
            var position = 0
            outer: while position < text.count {
                let prefixLength = Self.matchLength(prefix, in: text, at: position)
                if prefixLength == 0 {
                    // Copied up to where a prefix could start, in one append: most of a long value is plain text.
                    var end = position + 1
                    while end < text.count, text[end] != prefix.first { end += 1 }
                    guard output.count + (end - position) <= StringSubstitution.maxOutputLength else { throw Self.tooLong }
                    output.append(contentsOf: text[position..<end])
                    position = end
                    continue
                }
                // An escape is the `$` just written (possibly the last character of an inserted value).
                let escaped = output.count > outputStart && output.last == StringSubstitution.escapeCharacter
                let startPosition = position
                if nextSuffix == nil { nextSuffix = Self.nextMatches(of: suffix, in: text) }
                let cursor = nextSuffix![min(position + prefixLength, text.count)]
                if cursor < text.count {
                    if escaped {
                        // The escape goes; the variable's first character stays and scanning resumes after it.
                        output.removeLast()
                        altered = true
                        try append(text[startPosition])
                        position = startPosition + 1
                        continue outer
                    }
                    let expression = Array(text[(startPosition + prefixLength)..<cursor])
                    let endPosition = cursor + suffix.count
                    let (name, defaultValue) = splitDefault(expression)
                    if priorVariables == nil {
                        // commons-text quotes its buffer as it stands: what is written plus what is left.
                        priorVariables = [Self.string(output[...]) + Self.string(text[startPosition...])]
                    }
                    try checkCyclicSubstitution(name)
                    guard priorVariables!.count <= StringSubstitution.maxNestingDepth else {
                        throw .illegalArgument(
                            "Variables nest more than \(StringSubstitution.maxNestingDepth) levels deep in property interpolation")
                    }
                    priorVariables!.append(name)
                    resolving.insert(name)
                    if !frames.isEmpty { frames[frames.count - 1].names.insert(name) }
                    deepest = max(deepest, priorVariables!.count)
                    if let value = values[name] {
                        altered = true
                        try insertValue(of: name, value)
                    } else if let defaultValue {
                        altered = true
                        _ = try substitute(Array(defaultValue.unicodeScalars), isTopLevel: false)
                    } else {
                        for scalar in text[startPosition..<endPosition] { try append(scalar) }
                    }
                    resolving.remove(priorVariables!.removeLast())
                    position = endPosition
                    continue outer
                }
                // No suffix follows: the rest is plain text.
                for scalar in text[startPosition...] { try append(scalar) }
                break
            }
            return isTopLevel ? altered : true
        }

        /// A value expands to the same text wherever it appears unless a cycle or the depth limit stops it, so
        /// its first expansion is copied after that (a chain of doubling values would otherwise cost 2^n calls).
        private mutating func insertValue(of name: String, _ value: String) throws(OpenSearchError) {
            let depth = priorVariables!.count
            if let cached = expansions[name], cached.names.isDisjoint(with: resolving),
                depth + cached.depth <= StringSubstitution.maxNestingDepth
            {
                guard output.count + cached.scalars.count <= StringSubstitution.maxOutputLength else { throw Self.tooLong }
                output.append(contentsOf: cached.scalars)
                if !frames.isEmpty, frames[frames.count - 1].merged.insert(name).inserted {
                    frames[frames.count - 1].names.formUnion(cached.names)
                }
                return
            }
            let start = output.count
            let outerDeepest = deepest
            deepest = depth
            frames.append(([], []))
            _ = try substitute(scalars(ofValue: name, value), isTopLevel: false)
            let names = frames.removeLast().names
            expansions[name] = Expansion(scalars: Array(output[start...]), names: names, depth: deepest - depth)
            if !frames.isEmpty {
                frames[frames.count - 1].names.formUnion(names)
                frames[frames.count - 1].merged.insert(name)
            }
            deepest = max(outerDeepest, deepest)
        }

        private mutating func append(_ scalar: Unicode.Scalar) throws(OpenSearchError) {
            guard output.count < StringSubstitution.maxOutputLength else { throw Self.tooLong }
            output.append(scalar)
        }

        private static let tooLong = OpenSearchError.illegalArgument(
            "Property interpolation produced more than \(StringSubstitution.maxOutputLength) characters; "
                + "check for parameters that expand into other parameters")

        /// Splits `name:-default` at the first delimiter, stopping at a nested prefix (nested names are off).
        private func splitDefault(_ expression: [Unicode.Scalar]) -> (name: String, defaultValue: String?) {
            var index = 0
            while index < expression.count {
                if Self.matchLength(prefix, in: expression, at: index) != 0 { break }
                let delimiterLength = Self.matchLength(StringSubstitution.defaultDelimiter, in: expression, at: index)
                if delimiterLength != 0 {
                    return (Self.string(expression[..<index]), Self.string(expression[(index + delimiterLength)...]))
                }
                index += 1
            }
            return (Self.string(expression[...]), nil)
        }

        private mutating func scalars(ofValue name: String, _ value: String) -> [Unicode.Scalar] {
            if let cached = valueScalars[name] { return cached }
            let converted = Array(value.unicodeScalars)
            valueScalars[name] = converted
            return converted
        }

        private func checkCyclicSubstitution(_ name: String) throws(OpenSearchError) {
            guard let priorVariables, resolving.contains(name) else { return }
            let chain = priorVariables.dropFirst().joined(separator: "->")
            throw .illegalState("Infinite loop in property interpolation of \(priorVariables[0]): \(chain)")
        }

        /// For each position, the first position at or after it where `pattern` matches (`text.count` if none).
        private static func nextMatches(of pattern: [Unicode.Scalar], in text: [Unicode.Scalar]) -> [Int] {
            var next = [Int](repeating: text.count, count: text.count + 1)
            for index in stride(from: text.count - 1, through: 0, by: -1) {
                next[index] = matchLength(pattern, in: text, at: index) != 0 ? index : next[index + 1]
            }
            return next
        }

        private static func matchLength(
            _ pattern: [Unicode.Scalar], in buffer: [Unicode.Scalar], at position: Int
        ) -> Int {
            guard position + pattern.count <= buffer.count else { return 0 }
            for (offset, scalar) in pattern.enumerated() where buffer[position + offset] != scalar { return 0 }
            return pattern.count
        }

        private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view)
        }
    }
}
