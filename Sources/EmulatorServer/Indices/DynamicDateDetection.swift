import MLCommonsCore

/// Date detection of dynamic mapping: a new string field becomes a `date` when it parses with one of
/// the root object's default `dynamic_date_formats`.
enum DynamicDateDetection {
    /// The mapping a string gets when it is a date, or nil.
    static func mapping(for text: String) -> JSONObject? {
        // `DocumentParser` only tries strings with more than one ':', '-' or '/' ("1" parses as well).
        let count = { (character: Character) in text.count(where: { $0 == character }) }
        guard count(":") > 1 || count("-") > 1 || count("/") > 1 else { return nil }
        if isStrictDateOptionalTime(text) { return ["type": "date"] }
        if isSlashDate(text) { return ["type": "date", "format": "yyyy/MM/dd HH:mm:ss||yyyy/MM/dd||epoch_millis"] }
        return nil
    }

    /// `strict_date_optional_time`: `yyyy-MM-dd`, optionally `T` and `HH[:mm[:ss[.fraction]]]` and a zone.
    static func isStrictDateOptionalTime(_ text: String) -> Bool {
        var scanner = DigitScanner(text)
        guard let year = scanner.digits(4), scanner.skip("-"), let month = scanner.digits(2), scanner.skip("-"),
            let day = scanner.digits(2), isDate(year: year, month: month, day: day)
        else { return false }
        if scanner.atEnd { return true }
        guard scanner.skip("T") else { return false }
        if scanner.atEnd { return true }
        guard let hour = scanner.digits(2), hour < 24 else { return false }
        if scanner.skip(":") {
            guard let minute = scanner.digits(2), minute < 60 else { return false }
            if scanner.skip(":") {
                guard let second = scanner.digits(2), second < 60 else { return false }
                if scanner.skip(".") || scanner.skip(",") {
                    guard scanner.digitRun(1...9) else { return false }
                }
            }
        }
        return scanner.atEnd || scanner.zone()
    }

    /// `yyyy/MM/dd HH:mm:ss` or `yyyy/MM/dd`.
    static func isSlashDate(_ text: String) -> Bool {
        var scanner = DigitScanner(text)
        guard let year = scanner.digits(4), scanner.skip("/"), let month = scanner.digits(2), scanner.skip("/"),
            let day = scanner.digits(2), isDate(year: year, month: month, day: day)
        else { return false }
        if scanner.atEnd { return true }
        guard scanner.skip(" "), let hour = scanner.digits(2), hour < 24, scanner.skip(":"),
            let minute = scanner.digits(2), minute < 60, scanner.skip(":"), let second = scanner.digits(2), second < 60
        else { return false }
        return scanner.atEnd
    }

    private static func isDate(year: Int, month: Int, day: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}

/// Reads fixed-width ASCII fields of a date string.
private struct DigitScanner {
    let characters: [Character]
    var position = 0

    init(_ text: String) { characters = Array(text) }

    var atEnd: Bool { position == characters.count }

    /// Exactly `count` digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard position + count <= characters.count else { return nil }
        let slice = characters[position..<(position + count)]
        guard slice.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        position += count
        return Int(String(slice))
    }

    /// A run of digits whose length lies in `lengths`.
    mutating func digitRun(_ lengths: ClosedRange<Int>) -> Bool {
        var length = 0
        while position + length < characters.count, characters[position + length].isASCII,
            characters[position + length].isNumber
        {
            length += 1
        }
        guard lengths.contains(length) else { return false }
        position += length
        return true
    }

    mutating func skip(_ character: Character) -> Bool {
        guard position < characters.count, characters[position] == character else { return false }
        position += 1
        return true
    }

    /// `Z`, `±HH`, `±HHmm` or `±HH:mm` ending the text.
    mutating func zone() -> Bool {
        if skip("Z") { return atEnd }
        guard skip("+") || skip("-"), let hours = digits(2), hours <= 18 else { return false }
        if atEnd { return true }
        _ = skip(":")
        guard let minutes = digits(2), minutes < 60 else { return false }
        return atEnd
    }
}
