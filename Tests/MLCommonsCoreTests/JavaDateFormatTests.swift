import MLCommonsCore
import Testing

/// `DateTimeFormatter.ofPattern(p).withZone(UTC)` for the patterns agents pass as `datetime_format`.
@Suite("Java date patterns")
struct JavaDateFormatTests {
    static let instant = InstantTime(seconds: 1_796_042_096, nanoseconds: 789_000_000)  // 2026-11-30T12:34:56.789Z, a Monday

    @Test(arguments: [
        (JavaDateFormat.defaultPattern, "2026-11-30T12:34:56Z"),
        ("yy/M/d h:mm a", "26/11/30 12:34 PM"),
        ("EEEE, MMMM dd yyyy", "Monday, November 30 2026"),
        ("EEE MMM d HH:mm:ss.SSS z", "Mon Nov 30 12:34:56.789 UTC"),
        ("D 'day''s' X", "334 day's Z"),
        ("''yyyy''", "'2026'"),
        ("yyyy-MM-dd['T'HH:mm]", "2026-11-30T12:34"),
    ])
    func formats(pattern: String, expected: String) throws {
        #expect(try #require(JavaDateFormat(pattern: pattern)).format(Self.instant) == expected)
    }

    @Test func datesBeforeTheEpochAndLeapDays() throws {
        let format = try #require(JavaDateFormat(pattern: "yyyy-MM-dd HH:mm EEEE"))
        #expect(format.format(InstantTime(seconds: -3600, nanoseconds: 0)) == "1969-12-31 23:00 Wednesday")
        #expect(format.format(InstantTime(seconds: 1_709_165_100, nanoseconds: 0)) == "2024-02-29 00:05 Thursday")
    }

    /// Java refuses these; ml-commons then uses its default pattern.
    @Test(arguments: ["yyyy-MM-dd'T", "bbbb", "yyyy]MM", "aa", String(repeating: "y", count: 20), "{yyyy}"])
    func refuses(pattern: String) {
        #expect(JavaDateFormat(pattern: pattern) == nil)
    }
}
