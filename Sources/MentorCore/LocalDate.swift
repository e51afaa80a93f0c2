import Foundation

/// A calendar day with no zone and no time, as a person writes it: 2026-12-10.
///
/// What a due date, a goal's target date or `upcoming --from thu` names; ``TimeExpression`` reads
/// one where a whole day is the natural input.
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// The day of `local`, its time dropped.
    public init(_ local: LocalDateTime) {
        self.init(year: local.year, month: local.month, day: local.day)
    }

    /// The day `instant` falls on in `zone`.
    public init(_ instant: Date, in zone: TimeZone) {
        self.init(LocalDateTime(instant, in: zone))
    }

    /// `YYYY-MM-DD`; nil when the text is not in that form. Whether the day exists is
    /// ``isValid``'s to say.
    public init?(iso text: some StringProtocol) {
        guard let start = LocalDateTime(day: text) else { return nil }
        self.init(start)
    }

    /// Whether the month has this day in this year (1 to 9999).
    public var isValid: Bool { at(ClockTime(hour: 0, minute: 0)).isValid }

    /// `2026-12-10`.
    public var description: String {
        let year = String(year)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + Self.twoDigits(month) + "-"
            + Self.twoDigits(day)
    }

    /// The day `days` calendar days later (earlier when negative).
    public func adding(days: Int) -> LocalDate {
        LocalDate(at(ClockTime(hour: 0, minute: 0)).addingDays(days))
    }

    /// The day of the week as `Calendar` numbers it: 1 for Sunday ... 7 for Saturday.
    public var weekday: Int { at(ClockTime(hour: 0, minute: 0)).weekday }

    /// The first instant of this day in `zone`: midnight, or where a DST change skips midnight
    /// (Havana, Santiago), the first minute after it that exists.
    public func firstInstant(in zone: TimeZone) -> Date? {
        for minutes in stride(from: 0, to: 24 * 60, by: 15) {
            if let instant = at(ClockTime(hour: minutes / 60, minute: minutes % 60)).instant(in: zone) {
                return instant
            }
        }
        return nil
    }

    /// `5` as `05`.
    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// This day at `clock`.
    func at(_ clock: ClockTime) -> LocalDateTime {
        LocalDateTime(
            year: year, month: month, day: day, hour: clock.hour, minute: clock.minute, second: clock.second,
            millisecond: clock.millisecond)
    }
}
