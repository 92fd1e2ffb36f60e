/// The UAX #29 `Word_Break` classes Lucene's `StandardTokenizer` grammar is written over, plus the
/// classes it tokenizes on its own (Han, Hiragana, South-East Asian scripts, emoji).
///
/// Derived from the scalar's Unicode properties and the Unicode 12.1 lists in
/// `WordBreakClass+UnicodeData.swift`; characters assigned after 12.1 are not word characters,
/// as for Lucene, whose grammar is generated from 12.1.
enum WordBreakClass: Sendable, Hashable {
    case aLetter, hebrewLetter, numeric, katakana, extendNumLet
    case midLetter, midNum, midNumLet, singleQuote, doubleQuote
    case regionalIndicator
    /// `Extend` and `Format`: absorbed by the character before (WB4).
    case extend
    case zeroWidthJoiner
    case han, hiragana
    /// `Line_Break=Complex_Context` letters (Thai, Lao, Myanmar, Khmer…): one token per run.
    case southeastAsian
    /// Complex-context combining marks: absorbed like `Extend`, yet able to start a run.
    case southeastAsianMark
    /// A character that is only an emoji (a letter that is also one, such as `ℹ`, stays a letter).
    case emoji
    case other

    init(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            self = Self.ascii(UInt8(value))
            return
        }
        if let fixed = Self.fixed[value] {
            self = fixed
            return
        }
        let properties = scalar.properties
        guard let age = properties.age, age.major < 12 || age.major == 12 && age.minor <= 1 else {
            self = Self.contains(Self.emojiRanges, value) ? .emoji : .other
            return
        }
        let category = properties.generalCategory
        if Self.contains(Self.complexContextMarksRanges, value) {
            self = .southeastAsianMark
        } else if Self.contains(Self.complexContextLettersRanges, value) {
            self = .southeastAsian
        } else if properties.isGraphemeExtend || category == .spacingMark || category == .format && value != 0x200B {
            self = .extend
        } else if category == .decimalNumber || value == 0x066B {
            self = .numeric
        } else if Self.contains(Self.hebrewLetterRanges, value) {
            self = .hebrewLetter
        } else if Self.contains(Self.katakanaRanges, value) {
            self = .katakana
        } else if Self.contains(Self.hiraganaRanges, value) {
            self = .hiragana
        } else if Self.contains(Self.hanRanges, value) {
            self = .han
        } else if (properties.isAlphabetic || Self.contains(Self.letterExtrasRanges, value)) && !properties.isIdeographic {
            self = .aLetter
        } else if Self.contains(Self.emojiRanges, value) {
            self = .emoji
        } else {
            self = .other
        }
    }

    /// Whether the class starts a word (letters, digits, Katakana) or joins one (`ExtendNumLet`).
    var isWordPart: Bool {
        switch self {
        case .aLetter, .hebrewLetter, .numeric, .katakana, .extendNumLet: return true
        default: return false
        }
    }

    /// `AHLetter`: ALetter or Hebrew_Letter.
    var isLetter: Bool { self == .aLetter || self == .hebrewLetter }

    /// Whether the class attaches to the character before it (WB4: Extend, Format, ZWJ).
    var isAbsorbed: Bool { self == .extend || self == .zeroWidthJoiner || self == .southeastAsianMark }

    /// Whether `value` is an emoji character (`EmojiChar` of Lucene's grammar), letters included.
    static func isEmojiCharacter(_ value: UInt32) -> Bool { contains(emojiRanges, value) }

    private static func ascii(_ byte: UInt8) -> Self {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .aLetter
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .numeric
        case UInt8(ascii: "_"): return .extendNumLet
        case UInt8(ascii: ":"): return .midLetter
        case UInt8(ascii: ","), UInt8(ascii: ";"): return .midNum
        case UInt8(ascii: "."): return .midNumLet
        case UInt8(ascii: "'"): return .singleQuote
        case UInt8(ascii: "\""): return .doubleQuote
        default: return .other
        }
    }

    /// The fixed lists of `WordBreakProperty.txt` (12.1) for punctuation and joiners.
    private static let fixed: [UInt32: WordBreakClass] = {
        var table: [UInt32: WordBreakClass] = [:]
        for value: UInt32 in [0x00B7, 0x0387, 0x05F4, 0x2027, 0xFE13, 0xFE55, 0xFF1A] { table[value] = .midLetter }
        for value: UInt32 in [
            0x037E, 0x0589, 0x060C, 0x060D, 0x066C, 0x07F8, 0x2044, 0xFE10, 0xFE14, 0xFE50, 0xFE54, 0xFF0C, 0xFF1B,
        ] { table[value] = .midNum }
        for value: UInt32 in [0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E] { table[value] = .midNumLet }
        for value: UInt32 in [0x202F, 0x203F, 0x2040, 0x2054, 0xFE33, 0xFE34, 0xFE4D, 0xFE4E, 0xFE4F, 0xFF3F] {
            table[value] = .extendNumLet
        }
        table[0x200D] = .zeroWidthJoiner
        // Keycap, variation selectors, skin-tone modifiers and tags: Extend in 12.1.
        for value: UInt32 in [0x20E3, 0xFE0E, 0xFE0F] { table[value] = .extend }
        for value: UInt32 in 0x1F3FB...0x1F3FF { table[value] = .extend }
        for value: UInt32 in 0xE0020...0xE007F { table[value] = .extend }
        for value: UInt32 in 0x1F1E6...0x1F1FF { table[value] = .regionalIndicator }
        return table
    }()

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < ranges[middle].lowerBound {
                high = middle - 1
            } else if value > ranges[middle].upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
