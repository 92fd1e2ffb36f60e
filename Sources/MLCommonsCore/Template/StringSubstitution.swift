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

    private static let escapeCharacter = UInt8(ascii: "$")
    private static let defaultDelimiter = Array(":-".utf8)

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
        // UTF-8 throughout: a valid UTF-8 pattern only matches valid UTF-8 text at scalar boundaries, so bytes
        // find what scalars would, without decoding every scalar and encoding it again.
        var run = Run(prefix: Array(prefix.utf8), suffix: Array(suffix.utf8), values: values)
        guard try run.substitute(Array(source.utf8), isTopLevel: true) else { return source }
        return String(decoding: run.output, as: UTF8.self)
    }

    /// One `replace` call. `StringSubstitutor.substitute` edits its buffer in place and rescans each inserted
    /// value; appending to `output` and recursing into each value gives the same text in linear time.
    private struct Run {
        let prefix: [UInt8]
        let suffix: [UInt8]
        let values: [String: String]
        /// The bytes of the prefix's first scalar, which an escape leaves in place.
        let prefixLead: Int
        var output: [UInt8] = []
        /// `output`'s length in Unicode scalars, the unit of ``StringSubstitution/maxOutputLength``.
        var outputLength = 0
        /// The scanned text, then the names being resolved (`priorVariables` in commons-text).
        var priorVariables: [String]? = nil
        /// The names in `priorVariables`, for a constant-time cycle check.
        var resolving: Set<String> = []
        /// Each value's bytes, converted once however often it is inserted.
        var valueBytes: [String: [UInt8]] = [:]
        /// The names resolved inside each expansion being built, innermost last, and which finished expansions
        /// were already folded into it (so reusing one many times costs nothing more).
        var frames: [(names: Set<String>, merged: Set<String>)] = []
        /// The deepest `priorVariables` count reached.
        var deepest = 0
        /// Finished expansions of values, by name.
        var expansions: [String: Expansion] = [:]
        var altered = false

        /// A value's expansion, with its length in scalars, the names it resolved and how much deeper it went.
        struct Expansion {
            let bytes: [UInt8]
            let length: Int
            let names: Set<String>
            let depth: Int
        }

        init(prefix: [UInt8], suffix: [UInt8], values: [String: String]) {
            self.prefix = prefix
            self.suffix = suffix
            self.values = values
            prefixLead = prefix.isEmpty ? 0 : Self.scalarWidth(prefix[0])
        }

        /// Appends `text` with its variables resolved; returns whether anything changed.
        mutating func substitute(_ text: [UInt8], isTopLevel: Bool) throws(OpenSearchError) -> Bool {
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
                    try append(text[position..<end])
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
                        outputLength -= 1
                        altered = true
                        try append(text[startPosition..<(startPosition + prefixLead)])
                        position = startPosition + prefixLead
                        continue outer
                    }
                    let expression = text[(startPosition + prefixLength)..<cursor]
                    let endPosition = cursor + suffix.count
                    let (name, defaultValue) = splitDefault(expression)
                    if priorVariables == nil {
                        // commons-text quotes its buffer as it stands: what is written plus what is left.
                        priorVariables = [String(decoding: output + text[startPosition...], as: UTF8.self)]
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
                        _ = try substitute(Array(defaultValue), isTopLevel: false)
                    } else {
                        try append(text[startPosition..<endPosition])
                    }
                    resolving.remove(priorVariables!.removeLast())
                    position = endPosition
                    continue outer
                }
                // No suffix follows: the rest is plain text.
                try append(text[startPosition...])
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
                guard outputLength + cached.length <= StringSubstitution.maxOutputLength else { throw Self.tooLong }
                output.append(contentsOf: cached.bytes)
                outputLength += cached.length
                if !frames.isEmpty, frames[frames.count - 1].merged.insert(name).inserted {
                    frames[frames.count - 1].names.formUnion(cached.names)
                }
                return
            }
            let start = output.count
            let startLength = outputLength
            let outerDeepest = deepest
            deepest = depth
            frames.append(([], []))
            _ = try substitute(bytes(ofValue: name, value), isTopLevel: false)
            let names = frames.removeLast().names
            expansions[name] = Expansion(
                bytes: Array(output[start...]), length: outputLength - startLength, names: names, depth: deepest - depth)
            if !frames.isEmpty {
                frames[frames.count - 1].names.formUnion(names)
                frames[frames.count - 1].merged.insert(name)
            }
            deepest = max(outerDeepest, deepest)
        }

        /// Appends whole scalars, or throws (appending nothing) when they would pass the output cap.
        private mutating func append(_ bytes: ArraySlice<UInt8>) throws(OpenSearchError) {
            let length = Self.scalarCount(bytes)
            guard outputLength + length <= StringSubstitution.maxOutputLength else { throw Self.tooLong }
            output.append(contentsOf: bytes)
            outputLength += length
        }

        private static let tooLong = OpenSearchError.illegalArgument(
            "Property interpolation produced more than \(StringSubstitution.maxOutputLength) characters; "
                + "check for parameters that expand into other parameters")

        /// Splits `name:-default` at the first delimiter, stopping at a nested prefix (nested names are off).
        private func splitDefault(_ expression: ArraySlice<UInt8>) -> (name: String, defaultValue: ArraySlice<UInt8>?) {
            var index = expression.startIndex
            while index < expression.endIndex {
                if Self.matchLength(prefix, in: expression, at: index) != 0 { break }
                let delimiterLength = Self.matchLength(StringSubstitution.defaultDelimiter, in: expression, at: index)
                if delimiterLength != 0 {
                    return (String(decoding: expression[..<index], as: UTF8.self), expression[(index + delimiterLength)...])
                }
                index += 1
            }
            return (String(decoding: expression, as: UTF8.self), nil)
        }

        private mutating func bytes(ofValue name: String, _ value: String) -> [UInt8] {
            if let cached = valueBytes[name] { return cached }
            let converted = Array(value.utf8)
            valueBytes[name] = converted
            return converted
        }

        private func checkCyclicSubstitution(_ name: String) throws(OpenSearchError) {
            guard let priorVariables, resolving.contains(name) else { return }
            let chain = priorVariables.dropFirst().joined(separator: "->")
            throw .illegalState("Infinite loop in property interpolation of \(priorVariables[0]): \(chain)")
        }

        /// For each position, the first position at or after it where `pattern` matches (`text.count` if none).
        private static func nextMatches(of pattern: [UInt8], in text: [UInt8]) -> [Int] {
            var next = [Int](repeating: text.count, count: text.count + 1)
            for index in stride(from: text.count - 1, through: 0, by: -1) {
                next[index] = matchLength(pattern, in: text, at: index) != 0 ? index : next[index + 1]
            }
            return next
        }

        private static func matchLength<Bytes: RandomAccessCollection<UInt8>>(
            _ pattern: [UInt8], in buffer: Bytes, at position: Bytes.Index
        ) -> Int where Bytes.Index == Int {
            guard position + pattern.count <= buffer.endIndex else { return 0 }
            for (offset, byte) in pattern.enumerated() where buffer[position + offset] != byte { return 0 }
            return pattern.count
        }

        /// How many scalars `bytes` holds: every byte but UTF-8's continuation bytes starts one.
        private static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }

        /// The UTF-8 length of the scalar that `lead` starts.
        private static func scalarWidth(_ lead: UInt8) -> Int {
            lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        }
    }
}
