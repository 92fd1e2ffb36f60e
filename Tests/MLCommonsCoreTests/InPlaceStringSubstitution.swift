@testable import MLCommonsCore

// The in-place algorithm of commons-text's `StringSubstitutor.substitute`, kept as written for the JVM
// (buffer edits, offsets and length changes) as the oracle the linear implementation is checked against.
/// Replaces `${prefix…name}` variables the way Apache Commons Text's `StringSubstitutor` does with the
/// configuration ml-commons uses (`new StringSubstitutor(map, prefix, "}")`): escape character `$`,
/// default delimiter `:-`, substitution inside substituted values, no substitution inside variable names,
/// unknown variables left as written.
struct InPlaceStringSubstitution: Sendable {
    /// The text that opens a variable, e.g. `${parameters.`.
    let prefix: String
    /// The text that closes a variable, `}` in every ml-commons use.
    let suffix: String
    /// The variable values; a name that is absent here resolves to its default or stays verbatim.
    let values: [String: String]

    private static let escapeCharacter: Unicode.Scalar = "$"
    private static let defaultDelimiter: [Unicode.Scalar] = [":", "-"]

    /// A substitution over `values` for variables written `prefix + name + suffix`.
    init(prefix: String, suffix: String = "}", values: [String: String]) {
        self.prefix = prefix
        self.suffix = suffix
        self.values = values
    }

    /// `source` with every resolvable variable replaced.
    ///
    /// Throws `IllegalStateException("Infinite loop in property interpolation of <source>: a->b")` when a
    /// value refers back to a variable that is being resolved.
    func replace(_ source: String) throws(OpenSearchError) -> String {
        var run = Run(
            prefix: Array(prefix.unicodeScalars), suffix: Array(suffix.unicodeScalars), values: values,
            buffer: Array(source.unicodeScalars))
        let length = run.buffer.count
        var priorVariables: [String]? = nil
        let altered = try run.substitute(offset: 0, length: length, priorVariables: &priorVariables).altered
        guard altered else { return source }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: run.buffer)
        return String(text)
    }

    /// One `replace` call: the mutable buffer and the recursive scan over it (`StringSubstitutor.substitute`).
    private struct Run {
        let prefix: [Unicode.Scalar]
        let suffix: [Unicode.Scalar]
        let values: [String: String]
        var buffer: [Unicode.Scalar]

        init(prefix: [Unicode.Scalar], suffix: [Unicode.Scalar], values: [String: String], buffer: [Unicode.Scalar]) {
            self.prefix = prefix
            self.suffix = suffix
            self.values = values
            self.buffer = buffer
        }

        /// Scans `buffer[offset ..< offset + length]`, replacing variables in place; nested calls scan each
        /// inserted value. `priorVariables` starts with the scanned text, then holds the names being resolved.
        mutating func substitute(
            offset: Int, length: Int, priorVariables: inout [String]?
        ) throws(OpenSearchError) -> (altered: Bool, lengthChange: Int) {
            var altered = false
            var lengthChange = 0
            var bufferEnd = offset + length
            var position = offset
            var escapePosition = -1
            outer: while position < bufferEnd {
                let prefixLength = Self.matchLength(prefix, in: buffer, at: position, end: bufferEnd)
                if prefixLength == 0 {
                    position += 1
                    continue
                }
                if position > offset, buffer[position - 1] == InPlaceStringSubstitution.escapeCharacter {
                    // Only deleted once a complete variable follows, as commons-text does.
                    escapePosition = position - 1
                }
                var startPosition = position
                position += prefixLength
                while position < bufferEnd {
                    let suffixLength = Self.matchLength(suffix, in: buffer, at: position, end: bufferEnd)
                    if suffixLength == 0 {
                        position += 1
                        continue
                    }
                    if escapePosition >= 0 {
                        buffer.remove(at: escapePosition)
                        escapePosition = -1
                        lengthChange -= 1
                        altered = true
                        bufferEnd -= 1
                        position = startPosition + 1
                        startPosition -= 1
                        continue outer
                    }
                    let expression = Array(buffer[(startPosition + prefixLength)..<position])
                    position += suffixLength
                    let endPosition = position
                    let (name, defaultValue) = splitDefault(expression)

                    if priorVariables == nil {
                        priorVariables = [Self.midString(buffer, offset, length)]
                    }
                    try Self.checkCyclicSubstitution(name, priorVariables!)
                    priorVariables!.append(name)

                    if let value = values[name] ?? defaultValue {
                        let valueScalars = Array(value.unicodeScalars)
                        buffer.replaceSubrange(startPosition..<endPosition, with: valueScalars)
                        altered = true
                        var change = try substitute(
                            offset: startPosition, length: valueScalars.count, priorVariables: &priorVariables
                        ).lengthChange
                        change += valueScalars.count - (endPosition - startPosition)
                        position += change
                        bufferEnd += change
                        lengthChange += change
                    }
                    priorVariables!.removeLast()
                    break
                }
            }
            return (altered, lengthChange)
        }

        /// Splits `name:-default` at the first delimiter, stopping at a nested prefix (nested names are off).
        private func splitDefault(_ expression: [Unicode.Scalar]) -> (name: String, defaultValue: String?) {
            var index = 0
            while index < expression.count {
                if Self.matchLength(prefix, in: expression, at: index, end: expression.count) != 0 { break }
                let delimiterLength = Self.matchLength(
                    InPlaceStringSubstitution.defaultDelimiter, in: expression, at: index, end: expression.count)
                if delimiterLength != 0 {
                    return (Self.string(expression[..<index]), Self.string(expression[(index + delimiterLength)...]))
                }
                index += 1
            }
            return (Self.string(expression[...]), nil)
        }

        private static func checkCyclicSubstitution(_ name: String, _ priorVariables: [String]) throws(OpenSearchError) {
            guard priorVariables.contains(name) else { return }
            let chain = priorVariables.dropFirst().joined(separator: "->")
            throw .illegalState("Infinite loop in property interpolation of \(priorVariables[0]): \(chain)")
        }

        /// `TextStringBuilder.midString`: the range clamped to the buffer's current size.
        private static func midString(_ buffer: [Unicode.Scalar], _ index: Int, _ length: Int) -> String {
            guard length > 0, index < buffer.count else { return "" }
            return string(buffer[index..<min(buffer.count, index + length)])
        }

        private static func matchLength(
            _ pattern: [Unicode.Scalar], in buffer: [Unicode.Scalar], at position: Int, end: Int
        ) -> Int {
            guard position + pattern.count <= end else { return 0 }
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
