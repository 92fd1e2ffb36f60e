extension LinearRegex.Parser {
    /// Java's `clazz`: items, ranges, nested classes and `&&` intersections up to the closing `]`, which is
    /// consumed only when `consume` (an intersection's right side leaves it to the enclosing class).
    /// Recursive, so its frame is kept small and the work is in ``LinearRegex/ClassBuilder``.
    mutating func parseClass(consume: Bool = true) throws(LinearRegexError) -> LinearRegex.ScalarSet {
        try enterNesting()
        defer { depth -= 1 }
        var builder = LinearRegex.ClassBuilder(negated: consume && skipClassNegation())
        while true {
            switch try readClassPart(into: &builder, consume: consume) {
            case .nestedClass: builder.add(try parseClass())
            case .intersectionOperand: builder.add(try parseClass(consume: false))
            case .finished: return builder.finish()
            }
        }
    }

    /// Reads items into `builder` up to what needs a recursive call or the end of the class; the recursion
    /// stays in ``parseClass(consume:)`` so that this frame is not on the stack while it runs.
    private mutating func readClassPart(
        into builder: inout LinearRegex.ClassBuilder, consume: Bool
    ) throws(LinearRegexError) -> LinearRegex.ClassBuilder.Part {
        while true {
            if builder.isReadingIntersection {
                if peekIs("]") || peekIs("&") {
                    try builder.endIntersection()
                    continue
                }
                guard peekIs("[") else { return .intersectionOperand }
                position += 1
                return .nestedClass
            }
            let token = try classToken()
            if token.isSyntax("[") {
                position += 1
                return .nestedClass
            }
            if token.isSyntax("&"), peekIs("&", 1) {
                position += 2
                builder.beginIntersection(at: token.offset)
            } else if token.isSyntax("]"), builder.canClose {
                if consume { position += 1 }
                return .finished
            } else {
                let item = try parseClassItem(bits: &builder.bits)
                builder.add(item)
            }
        }
    }

    private mutating func skipClassNegation() -> Bool {
        guard peekIs("^") else { return false }
        position += 1
        return true
    }

    private func classToken() throws(LinearRegexError) -> LinearRegex.Token {
        guard let token = peek() else { throw .syntax("Unclosed character class", at: max(patternLength - 1, 0)) }
        return token
    }

    /// Java's `range`: one character, range or predefined class inside brackets. Latin-1 characters join
    /// `bits` and give `nil`, as Java's `BitClass` does; everything else is returned as a set.
    private mutating func parseClassItem(
        bits: inout [ClosedRange<UInt32>]
    ) throws(LinearRegexError) -> LinearRegex.ScalarSet? {
        let token = tokens[position]
        let low: UInt32
        if token.isSyntax("\\") {
            switch try parseEscape(inClass: true, rangeBound: peekIs("-", 2)) {
            case .scalar(let value): low = value
            case .set(let set): return set
            case .assertion: return nil
            }
        } else {
            position += 1
            low = token.scalar.value
        }
        // A `-` before `]` or `[` is a literal, as in `[a-]` and `[a-[bc]]`.
        guard peekIs("-"), !peekIs("]", 1), !peekIs("[", 1) else { return single(low, bits: &bits) }
        guard let end = peek(1) else {
            // Java reads the end of the pattern as the character 0.
            throw .syntax(low > 0 ? "Illegal character range" : "Unclosed character class", at: patternLength)
        }
        position += 1
        let high: UInt32
        if end.isSyntax("\\") {
            if peekIs("p", 1) || peekIs("P", 1) {
                throw .syntax("Illegal/unsupported escape sequence", at: end.offset + 1)
            }
            guard case .scalar(let value) = try parseEscape(inClass: true, rangeBound: true) else {
                throw .syntax("Illegal character range", at: end.offset)
            }
            high = value
        } else {
            position += 1
            high = end.scalar.value
        }
        guard low <= high else { throw .syntax("Illegal character range", at: end.offset) }
        guard flags.contains(.caseInsensitive) else { return .ranges([low...high]) }
        // Java's `CIRangeU`, or `CIRange`: an ASCII letter also matches when its other case is in range.
        if flags.contains(.unicodeCase) { return .unicodeCaseless(.ranges([low...high])) }
        var ranges = [low...high]
        for letter in UInt32(0x41)...0x7A {
            if let swapped = Self.asciiSwappedCase(letter), (low...high).contains(swapped) {
                ranges.append(letter...letter)
            }
        }
        return .ranges(LinearRegex.ScalarSet.normalized(ranges))
    }

    /// Java's `bitsOrSingle`: Latin-1 characters (with their other cases) go to `bits`, others are a set.
    private func single(_ value: UInt32, bits: inout [ClosedRange<UInt32>]) -> LinearRegex.ScalarSet? {
        let caseInsensitive = flags.contains(.caseInsensitive)
        let unicodeCase = caseInsensitive && flags.contains(.unicodeCase)
        // Java folds these with `SingleU` because a case partner lies outside Latin-1 (e.g. `K` and KELVIN SIGN).
        let foldedSingly: Set<UInt32> = [0xFF, 0xB5, 0x49, 0x69, 0x53, 0x73, 0x4B, 0x6B, 0xC5, 0xE5]
        guard value < 256, !(unicodeCase && foldedSingly.contains(value)) else {
            return caseInsensitiveSet(of: value) ?? .ranges([value...value])
        }
        bits.append(value...value)
        guard caseInsensitive, let scalar = Unicode.Scalar(value) else { return nil }
        if let swapped = Self.asciiSwappedCase(value) {
            bits.append(swapped...swapped)
        } else if unicodeCase, value >= 0x80 {
            let lower = LinearRegex.ScalarSet.simpleLowercase(scalar)
            let upper = LinearRegex.ScalarSet.simpleUppercase(scalar)
            bits += [lower.value...lower.value, upper.value...upper.value]
        }
        return nil
    }
}
