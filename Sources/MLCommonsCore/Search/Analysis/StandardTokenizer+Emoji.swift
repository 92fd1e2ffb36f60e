extension StandardTokenizer.Scanner {
    /// The end of Lucene's `<EMOJI>` rule from `start` (UTS #51 sequences): emoji joined by
    /// zero-width joiners, each with its modifiers, tags and one presentation selector; or a keycap.
    func emojiEnd() -> Int? {
        var end = keycapEnd()
        if var position = element(from: start) {
            while position < limit, scalars[position].value == Self.joiner, let next = element(from: position + 1) {
                position = next
            }
            end = max(end ?? position, position)
        }
        return end
    }

    private static let joiner: UInt32 = 0x200D
    private static let textSelector: UInt32 = 0xFE0E
    private static let emojiSelector: UInt32 = 0xFE0F
    private static let keycap: UInt32 = 0x20E3

    /// `ZWJ* EmojiChar Ex FE0F?`, or a skin-tone modifier (no joiner before it) with what follows it.
    private func element(from position: Int) -> Int? {
        if position < limit, (0x1F3FB...0x1F3FF).contains(scalars[position].value) { return extensions(from: position + 1) }
        var index = position
        while index < limit, scalars[index].value == Self.joiner { index += 1 }
        guard index < limit else { return nil }
        let value = scalars[index].value
        guard WordBreakClass.isEmojiCharacter(value) else { return nil }
        index = extensions(from: index + 1)
        if index < limit, scalars[index].value == Self.emojiSelector { index += 1 }
        return index
    }

    /// `[0-9#*] Ex FE0F? U+20E3 Ex`.
    private func keycapEnd() -> Int? {
        let value = scalars[start].value
        guard (0x30...0x39).contains(value) || value == 0x23 || value == 0x2A else { return nil }
        var index = start + 1
        while index < limit, isExtension(index), scalars[index].value != Self.keycap { index += 1 }
        if index < limit, scalars[index].value == Self.emojiSelector { index += 1 }
        guard index < limit, scalars[index].value == Self.keycap else { return nil }
        return extensions(from: index + 1)
    }

    /// Past the Extend, Format and ZWJ characters from `position` (presentation selectors excepted);
    /// a joiner that links to another emoji is left for the sequence.
    private func extensions(from position: Int) -> Int {
        var index = position
        while index < limit, isExtension(index) {
            if scalars[index].value == Self.joiner, element(from: index + 1) != nil { break }
            index += 1
        }
        return index
    }

    private func isExtension(_ index: Int) -> Bool {
        let value = scalars[index].value
        return classes[index].isAbsorbed && value != Self.textSelector && value != Self.emojiSelector
    }
}
