extension LinearRegex.ScalarSet {
    /// The set Java's `\p{name}` names, for the names this engine knows: general categories, Java's POSIX
    /// classes (ASCII-only, as without `UNICODE_CHARACTER_CLASS`) and common binary properties after `Is`.
    /// `nil` for scripts, blocks and the `java…` methods.
    static func property(named name: String, caseInsensitive: Bool) -> Self? {
        if let equals = name.firstIndex(of: "=") {
            let key = name[..<equals].lowercased()
            guard key == "gc" || key == "general_category" else { return nil }
            return category(named: String(name[name.index(after: equals)...]), caseInsensitive: caseInsensitive)
        }
        if name.hasPrefix("Is") {
            let shortName = String(name.dropFirst(2))
            let upper = shortName.uppercased()
            if let set = binaryProperty(named: upper, caseInsensitive: caseInsensitive) { return set }
            // Java reads `IsGraph` and `IsPrint` as Unicode classes, which are not provided here.
            guard upper != "GRAPH", upper != "PRINT" else { return nil }
            return category(named: shortName, caseInsensitive: caseInsensitive)
                ?? posixClass(named: shortName, caseInsensitive: caseInsensitive)
        }
        return category(named: name, caseInsensitive: caseInsensitive)
            ?? posixClass(named: name, caseInsensitive: caseInsensitive)
    }

    private static let letters: [String] = ["Lu", "Ll", "Lt", "Lm", "Lo"]
    private static let casedLetters: [String] = ["Lu", "Ll", "Lt"]

    /// Java's `CharPredicates.forProperty` for category names; with CASE_INSENSITIVE the cased-letter
    /// categories all mean any cased letter.
    private static func category(named name: String, caseInsensitive: Bool) -> Self? {
        switch name {
        case "Lu", "Ll", "Lt": return categories(caseInsensitive ? casedLetters : [name])
        case "L": return categories(letters)
        case "M": return categories(["Mn", "Mc", "Me"])
        case "N": return categories(["Nd", "Nl", "No"])
        case "P": return categories(["Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"])
        case "S": return categories(["Sm", "Sc", "Sk", "So"])
        case "Z": return categories(["Zs", "Zl", "Zp"])
        case "C": return categories(["Cc", "Cf", "Cs", "Co", "Cn"])
        case "LC": return categories(casedLetters)
        case "LD": return categories(letters + ["Nd"])
        case "L1": return .ranges([0x00...0xFF])
        case "all": return .complement(.ranges([]))
        default: return categoryBits[name].map { .categories($0) }
        }
    }

    private static func categories(_ names: [String]) -> Self {
        .categories(names.reduce(0) { $0 | (categoryBits[$1] ?? 0) })
    }

    private static let categoryBits: [String: UInt32] = [
        "Lu": categoryBit(.uppercaseLetter), "Ll": categoryBit(.lowercaseLetter),
        "Lt": categoryBit(.titlecaseLetter), "Lm": categoryBit(.modifierLetter), "Lo": categoryBit(.otherLetter),
        "Mn": categoryBit(.nonspacingMark), "Mc": categoryBit(.spacingMark), "Me": categoryBit(.enclosingMark),
        "Nd": categoryBit(.decimalNumber), "Nl": categoryBit(.letterNumber), "No": categoryBit(.otherNumber),
        "Pc": categoryBit(.connectorPunctuation), "Pd": categoryBit(.dashPunctuation),
        "Ps": categoryBit(.openPunctuation), "Pe": categoryBit(.closePunctuation),
        "Pi": categoryBit(.initialPunctuation), "Pf": categoryBit(.finalPunctuation),
        "Po": categoryBit(.otherPunctuation),
        "Sm": categoryBit(.mathSymbol), "Sc": categoryBit(.currencySymbol), "Sk": categoryBit(.modifierSymbol),
        "So": categoryBit(.otherSymbol),
        "Zs": categoryBit(.spaceSeparator), "Zl": categoryBit(.lineSeparator), "Zp": categoryBit(.paragraphSeparator),
        "Cc": categoryBit(.control), "Cf": categoryBit(.format), "Cs": categoryBit(.surrogate),
        "Co": categoryBit(.privateUse), "Cn": categoryBit(.unassigned),
    ]

    /// Java's POSIX classes, which are ASCII-only without `UNICODE_CHARACTER_CLASS`.
    private static func posixClass(named name: String, caseInsensitive: Bool) -> Self? {
        switch name {
        case "ASCII": return .ranges([0x00...0x7F])
        case "Alpha": return asciiAlpha
        case "Digit": return asciiDigit
        case "Alnum": return .ranges(normalized([0x30...0x39, 0x41...0x5A, 0x61...0x7A]))
        case "Lower": return caseInsensitive ? asciiAlpha : .ranges([0x61...0x7A])
        case "Upper": return caseInsensitive ? asciiAlpha : .ranges([0x41...0x5A])
        case "Punct": return .ranges([0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E])
        case "Graph": return .ranges([0x21...0x7E])
        case "Print": return .ranges([0x20...0x7E])
        case "Blank": return .ranges([0x09...0x09, 0x20...0x20])
        case "Cntrl": return .ranges([0x00...0x1F, 0x7F...0x7F])
        case "XDigit": return .ranges([0x30...0x39, 0x41...0x46, 0x61...0x66])
        case "Space": return asciiSpace
        default: return nil
        }
    }

    static let asciiAlpha: Self = .ranges([0x41...0x5A, 0x61...0x7A])
    static let asciiDigit: Self = .ranges([0x30...0x39])
    /// `\s`: space, `\t`, `\n`, VT, `\f`, `\r`.
    static let asciiSpace: Self = .ranges([0x09...0x0D, 0x20...0x20])
    /// `\w`: `[a-zA-Z_0-9]`.
    static let asciiWord: Self = .ranges([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// `\h`.
    static let horizontalSpace: Self = .ranges([
        0x09...0x09, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x180E...0x180E, 0x2000...0x200A,
        0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000,
    ])
    /// `\v`.
    static let verticalSpace: Self = .ranges([0x0A...0x0D, 0x85...0x85, 0x2028...0x2029])
    /// `.` without DOTALL: anything but Java's line terminators.
    static let notLineTerminator: Self = .complement(.ranges([0x0A...0x0A, 0x0D...0x0D, 0x85...0x85, 0x2028...0x2029]))
    /// `.` with UNIX_LINES: anything but `\n`.
    static let notNewline: Self = .complement(.ranges([0x0A...0x0A]))

    /// Java's binary properties (`\p{IsAlphabetic}`), looked up by upper-cased name, including the
    /// Unicode versions of the POSIX names that `Is` selects.
    private static func binaryProperty(named name: String, caseInsensitive: Bool) -> Self? {
        let anyCase: Self = .union([.property(.lowercase), .property(.uppercase), categories(["Lt"])])
        let whiteSpace: Self = .union([categories(["Zs", "Zl", "Zp"]), .ranges([0x09...0x0D, 0x85...0x85])])
        switch name {
        case "ALPHABETIC", "ALPHA": return .property(.alphabetic)
        case "LETTER": return categories(letters)
        case "LOWERCASE", "LOWER": return caseInsensitive ? anyCase : .property(.lowercase)
        case "UPPERCASE", "UPPER": return caseInsensitive ? anyCase : .property(.uppercase)
        case "TITLECASE": return caseInsensitive ? anyCase : categories(["Lt"])
        case "WHITESPACE", "WHITE_SPACE", "SPACE": return whiteSpace
        case "CONTROL", "CNTRL": return categories(["Cc"])
        case "PUNCTUATION", "PUNCT": return categories(["Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"])
        case "DIGIT": return categories(["Nd"])
        case "ALNUM": return .union([.property(.alphabetic), categories(["Nd"])])
        case "HEXDIGIT", "HEX_DIGIT", "XDIGIT":
            return .union([
                categories(["Nd"]),
                .ranges([0x30...0x39, 0x41...0x46, 0x61...0x66, 0xFF10...0xFF19, 0xFF21...0xFF26, 0xFF41...0xFF46]),
            ])
        case "ASSIGNED": return .complement(categories(["Cn"]))
        case "IDEOGRAPHIC": return .property(.ideographic)
        case "JOINCONTROL", "JOIN_CONTROL": return .ranges([0x200C...0x200D])
        case "BLANK": return .union([categories(["Zs"]), .ranges([0x09...0x09])])
        case "WORD":
            return .union([
                .property(.alphabetic), categories(["Mn", "Me", "Mc", "Nd", "Pc"]), .ranges([0x200C...0x200D]),
            ])
        default: return nil
        }
    }
}
