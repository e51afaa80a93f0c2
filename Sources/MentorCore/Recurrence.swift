import Foundation

/// How a meeting repeats: the subset of an RFC 5545 RRULE that meetings use.
///
/// Supported parts: `FREQ=DAILY|WEEKLY|MONTHLY|YEARLY` (required), `INTERVAL` (1...365), `BYMONTH`
/// (1...12), `BYDAY` (`MO`...`SU`, with an ordinal such as `2TU` or `-1FR` under `FREQ=MONTHLY`
/// (1...5) and `FREQ=YEARLY` (1...53, counted in the month when `BYMONTH` is given, else in the year)),
/// `BYMONTHDAY` (1...31 or -31...-1, not under `FREQ=WEEKLY`), `BYSETPOS` (1...366 or -366...-1, with
/// another `BY` part), `WKST` (the day weeks start on), and one of `COUNT` (1...10000) or `UNTIL`
/// (`YYYYMMDD`, a date in the meeting's zone; `YYYYMMDDTHHMMSS`, a wall time there; or
/// `YYYYMMDDTHHMMSSZ` in UTC). Text is case-insensitive, may start with `RRULE:`, and parts are
/// separated by `;`. Other parts (`BYHOUR`, `BYWEEKNO`, `BYYEARDAY`, ...) and frequencies below a day
/// are refused by name, never ignored.
///
/// A parsed value is normalised (lists sorted and deduplicated, `INTERVAL=1` implied, `WKST` kept only
/// where it changes the dates), so two rules that mean the same thing compare equal, and ``rule`` gives
/// text that parses back to the same value. Occurrences are expanded by
/// ``occurrences(startingAt:in:from:through:limit:)``.
public struct Recurrence: Sendable, Hashable {
    /// The period the rule repeats over.
    public enum Frequency: String, Sendable, CaseIterable {
        case daily = "DAILY"
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
        case yearly = "YEARLY"
    }

    /// A day of the week, spelled as in RRULE text.
    public enum Weekday: String, Sendable, CaseIterable {
        // Monday first: RFC 5545's default week start.
        case monday = "MO"
        case tuesday = "TU"
        case wednesday = "WE"
        case thursday = "TH"
        case friday = "FR"
        case saturday = "SA"
        case sunday = "SU"

        /// 0 for Monday ... 6 for Sunday.
        var index: Int {
            switch self {
            case .monday: 0
            case .tuesday: 1
            case .wednesday: 2
            case .thursday: 3
            case .friday: 4
            case .saturday: 5
            case .sunday: 6
            }
        }
    }

    /// One `BYDAY` entry: a weekday, optionally the nth (`2TU`) or nth-from-last (`-1FR`) of the month or
    /// year.
    public struct ByDay: Sendable, Hashable {
        public var weekday: Weekday
        /// 1...5 or -5...-1 under `FREQ=MONTHLY`, 1...53 or -53...-1 under `FREQ=YEARLY`; nil means every
        /// such weekday.
        public var ordinal: Int?

        public init(weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }
    }

    /// When the series stops.
    public enum End: Sendable, Hashable {
        /// It goes on.
        case never
        /// After this many occurrences, the first included.
        case count(Int)
        /// At this instant, inclusive (`UNTIL=YYYYMMDDTHHMMSSZ`).
        case until(Date)
        /// At the end of this date in the meeting's zone, inclusive (`UNTIL=YYYYMMDD`).
        case untilDate(year: Int, month: Int, day: Int)
        /// At this wall time in the meeting's zone, inclusive (`UNTIL=YYYYMMDDTHHMMSS`).
        case untilLocal(LocalDateTime)
    }

    /// Days, weeks, months or years.
    public let frequency: Frequency
    /// Repeat every `interval` periods: 2 with `.weekly` is fortnightly.
    public let interval: Int
    /// Months of the year (1...12), sorted; empty means no filter (or the start's month, yearly without
    /// other `BY` parts).
    public let byMonth: [Int]
    /// Sorted by weekday, then ordinal; empty means the start's weekday (weekly) or no filter.
    public let byDay: [ByDay]
    /// Sorted ascending; empty means the start's day of month (monthly and yearly), unless `byDay` says
    /// otherwise.
    public let byMonthDay: [Int]
    /// Positions within each period's dates (1 is the first, -1 the last), sorted; empty keeps them all.
    public let bySetPosition: [Int]
    /// The day weeks start on, which decides which days share a week for weekly rules with an `INTERVAL`
    /// or `BYSETPOS`; Monday for every other rule.
    public let weekStart: Weekday
    /// `COUNT`, `UNTIL` or neither.
    public let end: End

    static let intervalRange = 1...365
    static let countRange = 1...10_000
    static let ordinalRange = 1...53
    static let monthlyOrdinalRange = 1...5
    static let monthDayRange = 1...31
    static let monthRange = 1...12
    static let setPositionRange = 1...366

    /// The recurrence a plain word names: `daily`, `weekly`, `fortnightly` (every second week),
    /// `monthly` (on the start's day of month); nil for any other word.
    public static func named(_ word: String) -> Recurrence? {
        let rules = [
            "daily": "FREQ=DAILY", "weekly": "FREQ=WEEKLY", "fortnightly": "FREQ=WEEKLY;INTERVAL=2",
            "monthly": "FREQ=MONTHLY",
        ]
        guard let rule = rules[word.trimmingCharacters(in: .whitespaces).lowercased()] else { return nil }
        return try! parse(rule)
    }

    /// Reads RRULE text such as `FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH` or `RRULE:FREQ=MONTHLY;BYDAY=-1FR`.
    /// - Throws: ``RecurrenceError``, carrying the whole rule for syntax errors and conflicts, the part
    ///   for unsupported or out-of-range parts.
    public static func parse(_ text: String) throws(RecurrenceError) -> Recurrence {
        var parts = RuleParts(text: text)
        try parts.read()
        return try parts.recurrence()
    }

    /// The canonical RRULE text, without the `RRULE:` prefix: `FREQ=MONTHLY;BYDAY=2TU;COUNT=10`.
    public var rule: String {
        var parts = ["FREQ=" + frequency.rawValue]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if !byMonth.isEmpty { parts.append("BYMONTH=" + byMonth.map(String.init).joined(separator: ",")) }
        if !byDay.isEmpty {
            parts.append(
                "BYDAY="
                    + byDay.map { ($0.ordinal.map(String.init) ?? "") + $0.weekday.rawValue }.joined(separator: ","))
        }
        if !byMonthDay.isEmpty { parts.append("BYMONTHDAY=" + byMonthDay.map(String.init).joined(separator: ",")) }
        if !bySetPosition.isEmpty {
            parts.append("BYSETPOS=" + bySetPosition.map(String.init).joined(separator: ","))
        }
        if weekStart != .monday { parts.append("WKST=" + weekStart.rawValue) }
        switch end {
        case .never: break
        case .count(let count): parts.append("COUNT=\(count)")
        case .until(let instant):
            let utc = LocalDateTime(instant, offset: 0)
            parts.append("UNTIL=" + Self.digits(utc) + "Z")
        case .untilDate(let year, let month, let day):
            parts.append("UNTIL=" + Self.digits(year, 4) + Self.digits(month, 2) + Self.digits(day, 2))
        case .untilLocal(let local):
            parts.append("UNTIL=" + Self.digits(local))
        }
        return parts.joined(separator: ";")
    }

    /// `YYYYMMDDTHHMMSS`.
    private static func digits(_ local: LocalDateTime) -> String {
        digits(local.year, 4) + digits(local.month, 2) + digits(local.day, 2) + "T" + digits(local.hour, 2)
            + digits(local.minute, 2) + digits(local.second, 2)
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

/// Why RRULE text could not be used as a meeting's recurrence.
public enum RecurrenceError: Error, Sendable, Equatable {
    /// Not RRULE syntax, an unknown part or value, a repeated part, or no `FREQ`; carries the whole rule.
    case invalidRule(String)
    /// Valid RFC 5545 that mentord does not expand (`FREQ=HOURLY`, `BYWEEKNO=20`, `BYHOUR=9`); carries
    /// the part as given.
    case unsupported(part: String)
    /// A number or date outside what the part allows (`INTERVAL=0`, `BYDAY=6MO`, `UNTIL=20260230`);
    /// carries the part as given.
    case outOfRange(part: String)
    /// Parts that cannot be combined: `COUNT` with `UNTIL`, an ordinal `BYDAY` under `FREQ=DAILY` or
    /// `FREQ=WEEKLY`, `BYMONTHDAY` under `FREQ=WEEKLY`, `BYSETPOS` without another `BY` part; carries the
    /// whole rule.
    case conflicting(String)
}
