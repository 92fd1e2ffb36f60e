import Foundation

/// A point in time with nanosecond precision, rendered the ways OpenSearch renders instants.
public struct InstantTime: Sendable, Hashable, Comparable {
    public let seconds: Int64
    public let nanoseconds: Int32

    public init(seconds: Int64, nanoseconds: Int32) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The current wall-clock time.
    public static func now() -> InstantTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return InstantTime(seconds: Int64(spec.tv_sec), nanoseconds: Int32(spec.tv_nsec))
    }

    /// Milliseconds since the epoch (`Instant.toEpochMilli()`).
    public var epochMillis: Int64 { seconds * 1000 + Int64(nanoseconds / 1_000_000) }

    /// `strict_date_optional_time_nanos`, e.g. `2024-02-02T18:43:23.566994302Z` (fraction without trailing zeros, at least 3 digits).
    public var iso8601: String {
        let days = Int(seconds.floorDiv(86_400))
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        // Written as bytes: `String(format:)` goes through Foundation, and concatenating padded pieces
        // allocated a string per field (every message write stamps two times).
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        func digits(_ value: Int, _ width: Int) {
            // A negative year keeps its width with the sign counted: `-005`.
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            let text = String(value.magnitude).utf8
            let padding = width - (value < 0 ? 1 : 0) - text.count
            if padding > 0 { bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: padding)) }
            bytes.append(contentsOf: text)
        }
        digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(month, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(day, 2)
        bytes.append(UInt8(ascii: "T"))
        digits(secondOfDay / 3600, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay / 60 % 60, 2)
        bytes.append(UInt8(ascii: ":"))
        digits(secondOfDay % 60, 2)
        bytes.append(UInt8(ascii: "."))
        // Nanoseconds as nine digits, trailing zeros dropped down to milliseconds (an out-of-range value, which
        // only hand-made instants have, is written as its decimal text).
        var fraction = Array(String(nanoseconds).utf8)
        if (0..<1_000_000_000).contains(nanoseconds) {
            fraction = Array(repeating: UInt8(ascii: "0"), count: 9 - fraction.count) + fraction
            while fraction.count > 3, fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        }
        bytes.append(contentsOf: fraction)
        bytes.append(UInt8(ascii: "Z"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses the ISO form back (used for stored memory times).
    public init?(iso8601 text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 20, utf8.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: utf8[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        var nanos = 0
        if utf8.count > 21, utf8[19] == UInt8(ascii: ".") {
            let digits = String(decoding: utf8[20..<(utf8.count - 1)], as: UTF8.self)
            guard digits.count <= 9, let value = Int(digits) else { return nil }
            nanos = value * Int(pow(10.0, Double(9 - digits.count)))
        }
        let days = Self.daysSinceEpoch(year: year, month: month, day: day)
        self.seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.nanoseconds = Int32(nanos)
    }

    public static func < (lhs: InstantTime, rhs: InstantTime) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    // Howard Hinnant's civil-from-days algorithms; no calendar object needed.
    static func civilDate(daysSinceEpoch days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthPrime = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthPrime + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension Int64 {
    func floorDiv(_ divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
