/// ml-commons' `DefaultSentenceSegmenter`, in UTF-16 units as Java counts them: abbreviations (`Dr. `) and
/// closing quotes rewritten first, then a split after `.`, `!` or `?` and white space, except after initials
/// and acronyms (`e.g.`, `IBM.`, `U.S.`). The rewrites stay in the sentences' text, as they do in 3.3.
public enum SentenceSegmenter {
    /// One sentence: its trimmed text, its UTF-16 offsets in the original text, its index.
    public struct Sentence: Sendable, Hashable {
        public let text: String
        public let start: Int
        public let end: Int
        public let position: Int
    }

    static let abbreviations = ["Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sr.", "Jr.", "Ltd.", "Co.", "Inc.", "i.e.", "e.g.", "etc.", "vs.", "fig."]

    public static func sentences(_ text: String) -> [Sentence] {
        let original = Array(text.utf16)
        var units = original
        for abbreviation in abbreviations { units = rewrite(abbreviation, in: units) }
        units = movingQuotes(units)
        var pieces = split(units)
        while let last = pieces.last, last.isEmpty, pieces.count > 1 { pieces.removeLast() }
        var sentences: [Sentence] = []
        var cursor = 0
        for (position, piece) in pieces.enumerated() {
            var start = index(of: piece, in: original, from: cursor)
            if start == nil { start = piece.isEmpty ? cursor : index(of: Array(piece.prefix(10)), in: original, from: cursor) }
            let begin = start ?? cursor
            let end = begin + piece.count
            sentences.append(Sentence(text: trimmed(piece), start: begin, end: end, position: position))
            cursor = end
        }
        return sentences
    }

    static func isWord(_ unit: UInt16) -> Bool {
        (0x30...0x39).contains(unit) || (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit) || unit == 0x5F
    }

    static func isUpper(_ unit: UInt16) -> Bool { (0x41...0x5A).contains(unit) }

    /// Java's `\s`: space, tab, line feed, vertical tab, form feed, carriage return.
    static func isSpace(_ unit: UInt16) -> Bool { unit == 0x20 || (0x09...0x0D).contains(unit) }

    /// `\b<abbreviation>\s+` → the abbreviation with `@@@` for its dots and one space.
    static func rewrite(_ abbreviation: String, in units: [UInt16]) -> [UInt16] {
        let pattern = Array(abbreviation.utf16)
        let replacement = Array(abbreviation.replacingAll(".", with: "@@@").utf16) + [0x20]
        var out: [UInt16] = []
        var index = 0
        while index < units.count {
            let boundary = index == 0 || !isWord(units[index - 1])
            if boundary, units[index...].starts(with: pattern), index + pattern.count < units.count, isSpace(units[index + pattern.count]) {
                out += replacement
                index += pattern.count
                while index < units.count && isSpace(units[index]) { index += 1 }
            } else {
                out.append(units[index])
                index += 1
            }
        }
        return out
    }

    /// `([.!?])"` → `"$1`.
    static func movingQuotes(_ units: [UInt16]) -> [UInt16] {
        var out = units
        var index = 0
        while index + 1 < out.count {
            if [0x2E, 0x21, 0x3F].contains(out[index]), out[index + 1] == 0x22 {
                out.swapAt(index, index + 1)
                index += 2
            } else {
                index += 1
            }
        }
        return out
    }

    /// Splits at each run of white space the sentence pattern's look-behinds allow.
    static func split(_ units: [UInt16]) -> [[UInt16]] {
        var pieces: [[UInt16]] = []
        var pieceStart = 0
        var index = 0
        while index < units.count {
            guard isSpace(units[index]), splitsAt(index, units) else {
                index += 1
                continue
            }
            var end = index
            while end < units.count && isSpace(units[end]) { end += 1 }
            pieces.append(Array(units[pieceStart..<index]))
            pieceStart = end
            index = end
        }
        pieces.append(Array(units[pieceStart...]))
        return pieces
    }

    /// `(?<!\w\.\w.)(?<!\w[A-Z]\.)(?<=[.!?])(?<!\w[A-Z]\.[A-Z]\.)` at `index`.
    static func splitsAt(_ index: Int, _ u: [UInt16]) -> Bool {
        func at(_ offset: Int) -> UInt16? { index - offset >= 0 ? u[index - offset] : nil }
        guard let previous = at(1), [0x2E, 0x21, 0x3F].contains(previous) else { return false }
        if let a = at(4), let b = at(3), let c = at(2), isWord(a), b == 0x2E, isWord(c) { return false }
        if let a = at(3), let b = at(2), isWord(a), isUpper(b), previous == 0x2E { return false }
        if let a = at(5), let b = at(4), let c = at(3), let d = at(2), isWord(a), isUpper(b), c == 0x2E, isUpper(d), previous == 0x2E {
            return false
        }
        return true
    }

    static func index(of needle: [UInt16], in haystack: [UInt16], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start <= haystack.count ? start : nil }
        guard start <= haystack.count - needle.count else { return nil }
        for offset in start...(haystack.count - needle.count) where haystack[offset..<(offset + needle.count)].elementsEqual(needle) {
            return offset
        }
        return nil
    }

    /// Java's `String.trim()`: every code unit at or below a space, from both ends.
    static func trimmed(_ units: [UInt16]) -> String {
        let kept = units.drop { $0 <= 0x20 }.reversed().drop { $0 <= 0x20 }.reversed()
        return String(decoding: Array(kept), as: UTF16.self)
    }
}
