/// Lucene's `StandardTokenizer`: UAX #29 word segmentation that keeps the segments holding letters,
/// digits or Katakana, one token per Han or Hiragana character, one per run of a South-East Asian
/// script, and emoji sequences; everything else (spaces, punctuation, symbols) is dropped.
///
/// Like Lucene's scanner, each token is the longest match within `maxTokenLength` UTF-16 units of
/// where it starts; what a long word leaves over is scanned afresh.
public struct StandardTokenizer: Sendable {
    /// Lucene's default `maxTokenLength`.
    public static let defaultMaxTokenLength = 255

    /// How far, in UTF-16 units, a token may reach from where it starts.
    public let maxTokenLength: Int

    /// A tokenizer with the given `max_token_length` (at least 1).
    public init(maxTokenLength: Int = Self.defaultMaxTokenLength) {
        self.maxTokenLength = max(1, maxTokenLength)
    }

    /// The tokens of `text`, in order, as they appear in it.
    public func tokens(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        let classes = scalars.map(WordBreakClass.init)
        // UTF-16 offsets, for windows measured as Lucene's scanner buffer measures them.
        var offsets = [0]
        offsets.reserveCapacity(scalars.count + 1)
        for scalar in scalars { offsets.append(offsets[offsets.count - 1] + scalar.utf16.count) }
        var tokens: [String] = []
        var start = 0
        var limit = 0
        while start < scalars.count {
            // The window ends where `maxTokenLength` UTF-16 units from `start` end (never mid-pair);
            // starts only move forward, and so does the end.
            limit = max(limit, start)
            while limit < scalars.count, offsets[limit + 1] - offsets[start] <= maxTokenLength { limit += 1 }
            var scanner = Scanner(scalars: scalars, classes: classes, start: start, limit: limit)
            if let end = scanner.longestMatch() {
                var token = String.UnicodeScalarView()
                token.append(contentsOf: scalars[start..<end])
                tokens.append(String(token))
                start = end
            } else {
                start += 1  // not part of any token: skipped
            }
        }
        return tokens
    }
}

extension StandardTokenizer {
    /// One token match from a start position, within a window: the longest of the grammar's rules.
    struct Scanner {
        /// One character with the `Extend`, `Format` and `ZWJ` characters after it (WB4).
        struct Unit {
            var kind: WordBreakClass
            var end: Int
        }

        let scalars: [Unicode.Scalar]
        let classes: [WordBreakClass]
        let start: Int
        let limit: Int
        private var units: [Unit] = []

        init(scalars: [Unicode.Scalar], classes: [WordBreakClass], start: Int, limit: Int) {
            self.scalars = scalars
            self.classes = classes
            self.start = start
            self.limit = limit
        }

        /// The end of the longest token starting at `start`, or nil when the character is skipped.
        mutating func longestMatch() -> Int? {
            guard let first = unit(0) else { return nil }
            var ends: [Int] = []
            switch first.kind {
            case let kind where kind.isWordPart:
                let end = wordEnd()
                if units[0..<end].contains(where: { $0.kind != .extendNumLet }) { ends.append(units[end - 1].end) }
            case .southeastAsian, .southeastAsianMark:
                var count = 1
                while let next = unit(count), next.kind == .southeastAsian { count += 1 }
                ends.append(units[count - 1].end)
            case .han, .hiragana:
                ends.append(first.end)
            case .regionalIndicator:
                if let second = unit(1), second.kind == .regionalIndicator { ends.append(second.end) }
            default:
                break
            }
            if let emoji = emojiEnd() { ends.append(emoji) }
            return ends.max()
        }

        /// Unit `index` of the window, built on demand (a leading absorbed character stands alone).
        private mutating func unit(_ index: Int) -> Unit? {
            while units.count <= index {
                let position = units.last?.end ?? start
                guard position < limit else { return nil }
                var end = position + 1
                while end < limit, classes[end].isAbsorbed { end += 1 }
                let kind = classes[position]
                units.append(Unit(kind: kind == .extend || kind == .zeroWidthJoiner ? .other : kind, end: end))
            }
            return units[index]
        }

        /// The number of units in the word from the first: UAX #29's rules WB5–WB13b as Lucene's grammar reads them.
        private mutating func wordEnd() -> Int {
            var count = 1
            // A letter reached across a middle character ends a letters part, which a quote cannot follow.
            var acrossMiddle = false
            while let next = unit(count) {
                let previous = units[count - 1].kind
                if previous == .hebrewLetter, next.kind == .singleQuote, acrossMiddle {
                    break
                } else if Self.joins(previous, next.kind) {
                    count += 1
                    acrossMiddle = false
                } else if previous == .singleQuote, count >= 2, units[count - 2].kind == .hebrewLetter,
                    next.kind.isLetter || next.kind == .numeric || next.kind == .extendNumLet
                {
                    count += 1  // a Hebrew letter and the quote it kept (WB7a) end a part the next one continues
                } else if let afterNext = unit(count + 1), Self.joinsAcross(previous, next.kind, afterNext.kind) {
                    count += 2
                    acrossMiddle = true
                } else {
                    break
                }
            }
            return count
        }

        /// Two adjacent characters that stay in one word.
        private static func joins(_ previous: WordBreakClass, _ next: WordBreakClass) -> Bool {
            switch (previous, next) {
            case (.aLetter, .aLetter), (.aLetter, .hebrewLetter), (.hebrewLetter, .aLetter), (.hebrewLetter, .hebrewLetter):
                return true  // WB5
            case (.hebrewLetter, .singleQuote): return true  // WB7a
            case (.aLetter, .numeric), (.hebrewLetter, .numeric), (.numeric, .aLetter), (.numeric, .hebrewLetter):
                return true  // WB9, WB10
            case (.numeric, .numeric), (.katakana, .katakana): return true  // WB8, WB13
            case (.aLetter, .extendNumLet), (.hebrewLetter, .extendNumLet), (.numeric, .extendNumLet),
                (.katakana, .extendNumLet), (.extendNumLet, .extendNumLet):
                return true  // WB13a
            case (.extendNumLet, .aLetter), (.extendNumLet, .hebrewLetter), (.extendNumLet, .numeric),
                (.extendNumLet, .katakana):
                return true  // WB13b
            default: return false
            }
        }

        /// A middle character that joins its neighbours: `a.b`, `don't`, `3.14`, `1,000`.
        private static func joinsAcross(_ previous: WordBreakClass, _ middle: WordBreakClass, _ next: WordBreakClass) -> Bool {
            switch middle {
            case .midLetter: return previous.isLetter && next.isLetter  // WB6, WB7
            case .midNum: return previous == .numeric && next == .numeric  // WB11, WB12
            case .midNumLet, .singleQuote:
                return previous.isLetter && next.isLetter || previous == .numeric && next == .numeric
            case .doubleQuote: return previous == .hebrewLetter && next == .hebrewLetter  // WB7b, WB7c
            default: return false
            }
        }
    }
}
