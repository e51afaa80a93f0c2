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

    /// The wall time at `instant` in `zone`.
    public init(_ instant: Date, in zone: TimeZone) {
        let parts = Calendar.gregorian(in: zone).dateComponents(
            [.year, .month, .day, .hour, .minute, .second, .nanosecond], from: instant)
        self.init(
            year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!,
            second: parts.second!, millisecond: (parts.nanosecond! + 500_000) / 1_000_000 % 1000)
    }

    /// The instant this wall time denotes in `zone`.
    ///
    /// Returns nil when the time falls in a gap (clocks jumped over it). When the time occurs twice
    /// (clocks went back), the earlier instant wins: the meeting happens the first time the clock
    /// shows it, which is what people who agreed on "02:30" mean.
    public func instant(in zone: TimeZone) -> Date? {
        guard isValid else { return nil }
        let calendar = Calendar.gregorian(in: zone)
        var parts = DateComponents()
        (parts.year, parts.month, parts.day) = (year, month, day)
        (parts.hour, parts.minute, parts.second) = (hour, minute, second)
        guard let candidate = calendar.date(from: parts) else { return nil }
        let wholeSecond = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        func matches(_ date: Date) -> Bool {
            var seen = LocalDateTime(date, in: zone)
            seen.millisecond = 0
            return seen == wholeSecond
        }
        guard matches(candidate) else { return nil }
        // DST overlaps are 30 minutes (Lord Howe) to 2 hours; look back for an earlier twin.
        let earliest = [7200.0, 3600.0, 1800.0].map { candidate.addingTimeInterval(-$0) }.first(where: matches)
        return (earliest ?? candidate).addingTimeInterval(TimeInterval(millisecond) / 1000)
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
