import Foundation

/// A wall-clock date and time with no zone attached, as a person writes it: 2026-12-03 15:00.
///
/// Converting it to an instant needs a zone and has two traps, both handled by ``instant(in:)``:
/// a time that does not exist (skipped by a DST change) and a time that exists twice.
public struct LocalDateTime: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var millisecond: Int

    public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0, millisecond: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.millisecond = millisecond
    }

    /// The start of the day written `YYYY-MM-DD` (digits only, four-two-two), at `hour:minute`;
    /// nil when the text is not in that form. Whether the day exists is ``isValid``'s to say.
    public init?(day text: some StringProtocol, hour: Int = 0, minute: Int = 0) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2],
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    /// Whether every field is in range, including the day for that month and year.
    public var isValid: Bool {
        guard (1...9999).contains(year), (1...12).contains(month) else { return false }
        return (1...Self.daysIn(month: month, year: year)).contains(day)
            && (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second)
            && (0...999).contains(millisecond)
    }

    /// Days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The wall time at `instant` in `zone`, to the nearest millisecond.
    ///
    /// Integer civil-date arithmetic on the zone's offset at that instant: no `Calendar`, which is
    /// what planning reminders spends its time on otherwise.
    public init(_ instant: Date, in zone: TimeZone) {
        self.init(instant, offset: zone.secondsFromGMT(for: instant))
    }

    /// The instant this wall time denotes in `zone`.
    ///
    /// Returns nil when the time falls in a gap (clocks jumped over it). When the time occurs twice
    /// (clocks went back), the earlier instant wins: the meeting happens the first time the clock
    /// shows it, which is what people who agreed on "02:30" mean.
    public func instant(in zone: TimeZone) -> Date? {
        guard isValid else { return nil }
        return zone.instant(of: self)
    }

    /// The same wall time `days` calendar days later (earlier when negative).
    public func addingDays(_ days: Int) -> LocalDateTime {
        let date = CalendarDay(number: CalendarDay(year: year, month: month, day: day).number + days)
        var moved = self
        (moved.year, moved.month, moved.day) = (date.year, date.month, date.day)
        return moved
    }

    /// Days from 1970-01-01 to this date (negative before it): dates compared and subtracted as
    /// integers.
    public var dayNumber: Int {
        CalendarDay(year: year, month: month, day: day).number
    }

    /// The day of the week as `Calendar` numbers it: 1 for Sunday ... 7 for Saturday.
    public var weekday: Int {
        (CalendarDay(year: year, month: month, day: day).weekdayIndex + 1) % 7 + 1
    }
}

extension Calendar {
    /// A Gregorian calendar set to `zone`.
    static func gregorian(in zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}
