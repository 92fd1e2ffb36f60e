/// A `java.time.format.DateTimeFormatter` pattern in UTC (`ofPattern(p).withZone(UTC)`), for the pattern letters
/// agents use: era-less dates, times, fractions, day and month names, am/pm, zones, quoted literals.
public struct JavaDateFormat: Sendable {
    /// ml-commons' `DEFAULT_DATETIME_FORMAT`.
    public static let defaultPattern = "yyyy-MM-dd'T'HH:mm:ss'Z'"

    private enum Piece: Sendable {
        case literal(String)
        case field(Character, count: Int)
    }

    private let pieces: [Piece]

    /// Nil when Java would refuse the pattern (an unknown letter or too many of one, an unclosed quote, a `]` without
    /// its `[`, a reserved character). Optional sections print whole: an instant in UTC has every field.
    public init?(pattern: String) {
        var pieces: [Piece] = []
        var characters = Array(pattern)[...]
        var optionalDepth = 0
        while let character = characters.first {
            if character == "'" {
                characters.removeFirst()
                var literal = ""
                var closed = false
                while let next = characters.popFirst() {
                    if next == "'" {
                        // `''` inside or outside quotes is one quote.
                        if characters.first == "'" { characters.removeFirst(); literal.append("'"); continue }
                        closed = true
                        break
                    }
                    literal.append(next)
                }
                guard closed else { return nil }
                pieces.append(.literal(literal.isEmpty ? "'" : literal))
            } else if character.isASCII, character.isLetter {
                var count = 0
                while characters.first == character { characters.removeFirst(); count += 1 }
                guard Self.supports(character, count: count) else { return nil }
                pieces.append(.field(character, count: count))
            } else if character == "[" || character == "]" {
                characters.removeFirst()
                optionalDepth += character == "[" ? 1 : -1
                guard optionalDepth >= 0 else { return nil }
            } else {
                guard !"{}#".contains(character) else { return nil }
                characters.removeFirst()
                pieces.append(.literal(String(character)))
            }
        }
        self.pieces = pieces
    }

    private static func supports(_ letter: Character, count: Int) -> Bool {
        switch letter {
        case "y", "u": return count <= 19
        case "M", "L": return count <= 5
        case "d", "H", "h", "k", "K", "m", "s": return count <= 2
        case "D": return count <= 3
        case "S": return count <= 9
        case "n": return count <= 19
        case "a": return count == 1
        case "E": return count <= 5
        case "X", "x", "Z": return count <= 5
        case "z": return count <= 4
        default: return false
        }
    }

    /// The instant written in UTC.
    public func format(_ instant: InstantTime) -> String {
        let days = instant.seconds.floorDiv(86_400)
        let secondOfDay = Int(instant.seconds - days * 86_400)
        let (year, month, day) = InstantTime.civilDate(daysSinceEpoch: Int(days))
        let hour = secondOfDay / 3600, minute = secondOfDay / 60 % 60, second = secondOfDay % 60
        let weekday = Int((days % 7 + 10) % 7)  // 1970-01-01 was a Thursday (3); 0 is Monday
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let text): out += text
            case .field(let letter, let count):
                switch letter {
                case "y", "u": out += count == 2 ? Self.padded(year % 100, 2) : Self.padded(year, count)
                case "M", "L":
                    switch count {
                    case 1, 2: out += Self.padded(month, count)
                    case 3: out += String(Self.months[month - 1].prefix(3))
                    case 4: out += Self.months[month - 1]
                    default: out += String(Self.months[month - 1].prefix(1))
                    }
                case "d": out += Self.padded(day, count)
                case "D": out += Self.padded(Self.dayOfYear(year: year, month: month, day: day), count)
                case "H": out += Self.padded(hour, count)
                case "k": out += Self.padded(hour == 0 ? 24 : hour, count)
                case "h": out += Self.padded(hour % 12 == 0 ? 12 : hour % 12, count)
                case "K": out += Self.padded(hour % 12, count)
                case "m": out += Self.padded(minute, count)
                case "s": out += Self.padded(second, count)
                case "S": out += String(Self.padded(Int(instant.nanoseconds), 9).prefix(count))
                case "n": out += Self.padded(Int(instant.nanoseconds), count)
                case "a": out += hour < 12 ? "AM" : "PM"
                case "E":
                    let name = Self.weekdays[weekday]
                    out += count == 4 ? name : count == 5 ? String(name.prefix(1)) : String(name.prefix(3))
                case "X": out += "Z"
                case "x": out += count == 1 ? "+00" : count == 2 || count == 4 ? "+0000" : "+00:00"
                case "Z": out += count == 4 ? "GMT" : count == 5 ? "Z" : "+0000"
                default: out += count == 4 ? "Coordinated Universal Time" : "UTC"
                }
            }
        }
        return out
    }

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    private static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func dayOfYear(year: Int, month: Int, day: Int) -> Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][month - 1]
        return before + day + (leap && month > 2 ? 1 : 0)
    }
}
