extension LinearRegex {
    /// A recursive-descent parser for Java `java.util.regex` syntax, following `Pattern`'s grammar and its
    /// `PatternSyntaxException` messages. Nesting is bounded, and the functions that recurse keep their
    /// frames small (the work is in helpers), so even an unoptimized build stays within a thread's stack.
    struct Parser {
        let tokens: [Token]
        let patternLength: Int
        var position = 0
        var flags: Flags = []
        var depth = 0
        /// The character classes of the pattern; ``Node/set(_:)`` refers to them by index.
        var sets: [ScalarSet] = []
        private var groupNames: Set<String> = []

        private init(tokens: [Token], patternLength: Int) {
            self.tokens = tokens
            self.patternLength = patternLength
        }

        /// The syntax tree of `pattern` and its classes, or the first reason it cannot be compiled.
        static func parse(_ pattern: String) throws(LinearRegexError) -> (root: Node, sets: [ScalarSet]) {
            var parser = Parser(tokens: Token.tokenize(pattern), patternLength: pattern.unicodeScalars.count)
            let root = try parser.parseAlternation()
            // The top-level alternation only stops early at a `)` that closes nothing.
            if let token = parser.peek() { throw .syntax("Unmatched closing ')'", at: token.offset) }
            return (root, parser.sets)
        }

        // MARK: - Structure, recursive and so kept lean

        /// Branches separated by `|`, each a sequence of quantified atoms, up to a `)` or the end.
        private mutating func parseAlternation() throws(LinearRegexError) -> Node {
            var branches: [Node] = []
            var items: [Node] = []
            while try !readSequencePart(branches: &branches, items: &items) {
                // An inline flag group such as `(?i)` is no atom and takes no quantifier.
                guard let group = try parseGroup() else { continue }
                try appendQuantified(group, to: &items)
            }
            return .choice(branches)
        }

        private mutating func parseGroup() throws(LinearRegexError) -> Node? {
            try enterNesting()
            defer { depth -= 1 }
            let savedFlags = flags
            if try parseGroupOpening() { return nil }
            let body = try parseAlternation()
            try expectGroupClose()
            flags = savedFlags
            return body
        }

        // MARK: - Structure helpers

        /// Reads atoms and `|` up to a group, which the caller parses (`false`), or to the end of the
        /// alternation (`true`); the recursion stays in the caller so that this frame is not on the stack.
        private mutating func readSequencePart(
            branches: inout [Node], items: inout [Node]
        ) throws(LinearRegexError) -> Bool {
            while true {
                if try atSequenceEnd() {
                    branches.append(.sequence(items))
                    items = []
                    guard peekIs("|") else { return true }
                    position += 1
                } else if tokens[position].isSyntax("(") {
                    return false
                } else {
                    let atom = try parseAtom()
                    try appendQuantified(atom, to: &items)
                }
            }
        }

        private mutating func appendQuantified(_ atom: Node, to items: inout [Node]) throws(LinearRegexError) {
            items.append(try parseQuantifier(of: atom))
        }

        /// Whether the sequence ends here (end of pattern, `|` or `)`); a quantifier here has nothing to repeat.
        private func atSequenceEnd() throws(LinearRegexError) -> Bool {
            guard let token = peek() else { return true }
            guard !token.quoted else { return false }
            switch token.scalar {
            case "|", ")":
                return true
            case "?", "*", "+":
                throw .syntax("Dangling meta character '\(Character(token.scalar))'", at: token.offset)
            default:
                return false
            }
        }

        /// Reads `(` and any `?…` that follows; `true` for an inline flag group such as `(?i)`, read to its `)`,
        /// whose flags stay in effect to the end of the enclosing group, as in Java.
        private mutating func parseGroupOpening() throws(LinearRegexError) -> Bool {
            let open = tokens[position]
            position += 1
            guard peekIs("?") else { return false }
            position += 1
            guard let kind = peek() else { throw .syntax("Unknown inline modifier", at: patternLength) }
            switch kind.quoted ? "\u{0}" : kind.scalar {
            case ":":
                position += 1
            case "=", "!":
                throw .unsupported(
                    "lookahead groups (?=…) and (?!…) are not supported: the pattern must be a regular language",
                    at: open.offset)
            case ">":
                throw .unsupported(
                    "atomic groups (?>…) are not supported: use a non-capturing group (?:…)", at: open.offset)
            case "<" where peekIs("=", 1) || peekIs("!", 1):
                throw .unsupported(
                    "lookbehind groups (?<=…) and (?<!…) are not supported: the pattern must be a regular language",
                    at: open.offset)
            case "<":
                position += 1
                try parseGroupName()
            case "$", "@":
                throw .syntax("Unknown group type", at: kind.offset)
            default:
                try parseFlags()
                if peekIs(")") {
                    position += 1
                    return true
                }
                guard peekIs(":") else { throw .syntax("Unknown inline modifier", at: currentOffset) }
                position += 1
            }
            return false
        }

        private mutating func expectGroupClose() throws(LinearRegexError) {
            guard peekIs(")") else { throw .syntax("Unclosed group", at: patternLength) }
            position += 1
        }

        private mutating func parseGroupName() throws(LinearRegexError) {
            guard let first = peek(), !first.quoted, Self.isASCIILetter(first.scalar) else {
                throw .syntax("capturing group name does not start with a Latin letter", at: currentOffset)
            }
            var name = ""
            while let token = peek(), !token.quoted,
                Self.isASCIILetter(token.scalar) || ("0"..."9").contains(token.scalar)
            {
                name.unicodeScalars.append(token.scalar)
                position += 1
            }
            guard peekIs(">") else {
                throw .syntax("named capturing group is missing trailing '>'", at: currentOffset)
            }
            position += 1
            guard groupNames.insert(name).inserted else {
                throw .syntax("Named capturing group <\(name)> is already defined", at: first.offset)
            }
        }

        /// Java's `addFlag`/`subFlag`: flag letters, then optionally `-` and the letters to clear.
        private mutating func parseFlags() throws(LinearRegexError) {
            var adding = true
            while let token = peek(), !token.quoted {
                let flag: Flags
                switch token.scalar {
                case "i": flag = .caseInsensitive
                case "m": flag = .multiline
                case "s": flag = .dotAll
                case "d": flag = .unixLines
                case "u": flag = .unicodeCase
                case "x", "c", "U":
                    if adding { throw Self.unsupportedFlag(token) }
                    position += 1
                    continue
                case "-" where adding:
                    adding = false
                    position += 1
                    continue
                default:
                    return
                }
                if adding { flags.insert(flag) } else { flags.remove(flag) }
                position += 1
            }
        }

        private static func unsupportedFlag(_ token: Token) -> LinearRegexError {
            switch token.scalar {
            case "x":
                return .unsupported(
                    "the COMMENTS flag (?x) is not supported: remove the whitespace and comments from the pattern",
                    at: token.offset)
            case "U":
                return .unsupported(
                    "the UNICODE_CHARACTER_CLASS flag (?U) is not supported: use \\p{L}, \\p{N} or \\p{IsWhite_Space} "
                        + "for Unicode classes", at: token.offset)
            default:
                return .unsupported(
                    "the CANON_EQ flag (?c) is not supported: write the pattern in the normalization form of the text",
                    at: token.offset)
            }
        }

        /// One atom other than a group.
        private mutating func parseAtom() throws(LinearRegexError) -> Node {
            let token = tokens[position]
            if token.quoted {
                position += 1
                return literal(token.scalar.value)
            }
            switch token.scalar {
            case "[":
                position += 1
                let set = try parseClass()
                return intern(set)
            case "\\":
                switch try parseEscape(inClass: false) {
                case .scalar(let value): return literal(value)
                case .set(let set): return intern(set)
                case .assertion(let assertion): return .assertion(assertion)
                }
            case "^":
                position += 1
                let multiline = flags.contains(.multiline)
                return .assertion(multiline ? .lineStart(unixLines: flags.contains(.unixLines)) : .textStart)
            case "$":
                position += 1
                return .assertion(
                    .lineEnd(multiline: flags.contains(.multiline), unixLines: flags.contains(.unixLines)))
            case ".":
                position += 1
                if flags.contains(.dotAll) { return .anyScalar }
                return intern(flags.contains(.unixLines) ? .notNewline : .notLineTerminator)
            case "{":
                // Java reads an empty atom here: `x{2}{3}` is legal and a lone `{` is an illegal repetition.
                return .empty
            default:
                position += 1
                return literal(token.scalar.value)
            }
        }

        /// `atom` with the quantifier that follows it, if any. Possessive quantifiers are read as greedy:
        /// without backtracking there is nothing to give up, and whether a text matches rarely differs.
        private mutating func parseQuantifier(of atom: Node) throws(LinearRegexError) -> Node {
            guard let token = peek(), !token.quoted else { return atom }
            switch token.scalar {
            case "?":
                position += 1
                return .repeated(atom, min: 0, max: 1, greedy: parseGreediness())
            case "*":
                position += 1
                return .repeated(atom, min: 0, max: nil, greedy: parseGreediness())
            case "+":
                position += 1
                return .repeated(atom, min: 1, max: nil, greedy: parseGreediness())
            case "{":
                guard decimalDigit(at: 1) != nil else { throw .syntax("Illegal repetition", at: token.offset) }
                position += 1
                let minimum = try parseCount(from: token)
                var maximum: Int? = minimum
                if peekIs(",") {
                    position += 1
                    maximum = peekIs("}") ? nil : try parseCount(from: token)
                }
                guard peekIs("}") else { throw .syntax("Unclosed counted closure", at: currentOffset) }
                position += 1
                if let maximum, maximum < minimum {
                    throw .syntax("Illegal repetition range", at: token.offset)
                }
                // Java's `MAX_REPS` bound is no bound at all.
                if maximum == Int(Int32.max) { maximum = nil }
                return .repeated(atom, min: minimum, max: maximum, greedy: parseGreediness())
            default:
                return atom
            }
        }

        private mutating func parseGreediness() -> Bool {
            if peekIs("?") {
                position += 1
                return false
            }
            if peekIs("+") { position += 1 }
            return true
        }

        /// A decimal repetition count, zero when no digit follows (Java then reports the missing `}`).
        private mutating func parseCount(from token: Token) throws(LinearRegexError) -> Int {
            var count = 0
            while let digit = decimalDigit(at: 0) {
                position += 1
                count = count * 10 + Int(digit)
                if count > Int(Int32.max) { throw .syntax("Illegal repetition range", at: token.offset) }
            }
            return count
        }

        // MARK: - Helpers

        /// A literal character under the current flags (Java's `single`).
        mutating func literal(_ value: UInt32) -> Node {
            guard let set = caseInsensitiveSet(of: value) else { return .scalar(value) }
            return intern(set)
        }

        /// The characters that match `value` under the current case-insensitive flags, if there are others.
        func caseInsensitiveSet(of value: UInt32) -> ScalarSet? {
            guard flags.contains(.caseInsensitive) else { return nil }
            if flags.contains(.unicodeCase) {
                guard let scalar = Unicode.Scalar(value) else { return nil }
                let upper = ScalarSet.simpleUppercase(scalar)
                let lower = ScalarSet.simpleLowercase(upper)
                return upper == lower ? nil : .foldsTo(lower.value)
            }
            guard let swapped = Self.asciiSwappedCase(value) else { return nil }
            return .ranges(ScalarSet.normalized([value...value, swapped...swapped]))
        }

        /// A class node; repeated copies of the node share the set.
        private mutating func intern(_ set: ScalarSet) -> Node {
            sets.append(set)
            return .set(sets.count - 1)
        }

        mutating func enterNesting() throws(LinearRegexError) {
            depth += 1
            if depth > LinearRegex.maxNestingDepth { throw .nestingTooDeep(limit: LinearRegex.maxNestingDepth) }
        }

        func peek(_ ahead: Int = 0) -> Token? {
            position + ahead < tokens.count ? tokens[position + ahead] : nil
        }

        func peekIs(_ scalar: Unicode.Scalar, _ ahead: Int = 0) -> Bool {
            peek(ahead)?.isSyntax(scalar) ?? false
        }

        var currentOffset: Int { peek()?.offset ?? patternLength }

        func decimalDigit(at ahead: Int) -> UInt32? {
            guard let token = peek(ahead), !token.quoted, ("0"..."9").contains(token.scalar) else { return nil }
            return token.scalar.value - 0x30
        }

        static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        }

        /// The other case of an ASCII letter.
        static func asciiSwappedCase(_ value: UInt32) -> UInt32? {
            switch value {
            case 0x41...0x5A: return value + 0x20
            case 0x61...0x7A: return value - 0x20
            default: return nil
            }
        }
    }
}
