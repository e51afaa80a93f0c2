import Foundation

/// How a meeting repeats: the subset of an RFC 5545 RRULE that mentoring needs.
///
/// Supported parts: `FREQ=DAILY|WEEKLY|MONTHLY` (required), `INTERVAL` (1...365), `BYDAY` (`MO`...`SU`,
/// with an ordinal such as `2TU` or `-1FR` under `FREQ=MONTHLY` only; under `FREQ=DAILY` it keeps only
/// those weekdays), `BYMONTHDAY` (1...31 or -31...-1, `FREQ=MONTHLY` only), and one of `COUNT`
/// (1...10000) or `UNTIL` (`YYYYMMDD`, a date in the meeting's zone, or `YYYYMMDDTHHMMSSZ` in UTC).
/// `WKST=MO` is accepted because Monday is the week start used anyway. Text is case-insensitive, may
/// start with `RRULE:`, and parts are separated by `;`.
///
/// A parsed value is normalised (days sorted and deduplicated, `INTERVAL=1` implied), so two rules that
/// mean the same thing compare equal, and ``rule`` gives text that parses back to the same value.
/// Occurrences are expanded by ``occurrences(startingAt:in:from:through:limit:)``.
public struct Recurrence: Sendable, Hashable {
    /// The period the rule repeats over.
    public enum Frequency: String, Sendable, CaseIterable {
        case daily = "DAILY"
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
    }

    /// A day of the week, spelled as in RRULE text.
    public enum Weekday: String, Sendable, CaseIterable {
        // Monday first: RFC 5545's default week start, which weekly intervals count from.
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

    /// One `BYDAY` entry: a weekday, optionally the nth (`2TU`) or nth-from-last (`-1FR`) of the month.
    public struct ByDay: Sendable, Hashable {
        public var weekday: Weekday
        /// 1...5 or -5...-1 under `FREQ=MONTHLY`; nil means every such weekday.
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
    }

    /// Days, weeks or months.
    public let frequency: Frequency
    /// Repeat every `interval` periods: 2 with `.weekly` is fortnightly.
    public let interval: Int
    /// Sorted by weekday, then ordinal; empty means the start's weekday (weekly) or no filter (daily).
    public let byDay: [ByDay]
    /// Sorted ascending; empty means the start's day of month, unless `byDay` says otherwise.
    public let byMonthDay: [Int]
    /// `COUNT`, `UNTIL` or neither.
    public let end: End

    static let intervalRange = 1...365
    static let countRange = 1...10_000
    static let ordinalRange = 1...5
    static let monthDayRange = 1...31

    /// The recurrence a plain word names: `daily`, `weekly`, `fortnightly` (every second week) or
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
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.uppercased().hasPrefix("RRULE:") { body.removeFirst("RRULE:".count) }
        var parts: [(name: String, value: String, part: String)] = []
        for rawPart in body.split(separator: ";", omittingEmptySubsequences: false) {
            let part = rawPart.trimmingCharacters(in: .whitespaces)
            let halves = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard halves.count == 2 else { throw .invalidRule(text) }
            let name = halves[0].trimmingCharacters(in: .whitespaces).uppercased()
            let value = halves[1].trimmingCharacters(in: .whitespaces).uppercased()
            // RFC 5545 allows each part once; a second FREQ or COUNT would be a guess either way.
            guard !value.isEmpty, !parts.contains(where: { $0.name == name }) else { throw .invalidRule(text) }
            parts.append((name, value, part))
        }

        var frequency: Frequency?
        var interval = 1
        var byDay: [ByDay] = []
        var byMonthDay: [Int] = []
        var count: Int?
        var until: End?
        for (name, value, part) in parts {
            switch name {
            case "FREQ":
                if let known = Frequency(rawValue: value) {
                    frequency = known
                } else if ["SECONDLY", "MINUTELY", "HOURLY", "YEARLY"].contains(value) {
                    throw .unsupported(part: part)
                } else {
                    throw .invalidRule(text)
                }
            case "INTERVAL":
                interval = try number(value, in: intervalRange, part: part, text: text)
            case "COUNT":
                count = try number(value, in: countRange, part: part, text: text)
            case "BYDAY":
                var entries: Set<ByDay> = []
                for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                    entries.insert(try parseByDay(String(item), part: part, text: text))
                }
                byDay = entries.sorted { ($0.weekday.index, $0.ordinal ?? 0) < ($1.weekday.index, $1.ordinal ?? 0) }
            case "BYMONTHDAY":
                var days: Set<Int> = []
                for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                    days.insert(try signedNumber(String(item), magnitudes: monthDayRange, part: part, text: text))
                }
                byMonthDay = days.sorted()
            case "UNTIL":
                until = try parseUntil(value, part: part, text: text)
            case "WKST":
                guard Weekday(rawValue: value) != nil else { throw .invalidRule(text) }
                guard value == "MO" else { throw .unsupported(part: part) }
            case "BYSECOND", "BYMINUTE", "BYHOUR", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS":
                throw .unsupported(part: part)
            default:
                throw .invalidRule(text)
            }
        }

        guard let frequency else { throw .invalidRule(text) }
        if count != nil && until != nil { throw .conflicting(text) }
        if frequency != .monthly && (!byMonthDay.isEmpty || byDay.contains { $0.ordinal != nil }) {
            throw .conflicting(text)
        }
        let end = count.map(End.count) ?? until ?? .never
        return Recurrence(frequency: frequency, interval: interval, byDay: byDay, byMonthDay: byMonthDay, end: end)
    }

    /// The canonical RRULE text, without the `RRULE:` prefix: `FREQ=MONTHLY;BYDAY=2TU;COUNT=10`.
    public var rule: String {
        var parts = ["FREQ=" + frequency.rawValue]
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if !byDay.isEmpty {
            parts.append(
                "BYDAY="
                    + byDay.map { ($0.ordinal.map(String.init) ?? "") + $0.weekday.rawValue }.joined(separator: ","))
        }
        if !byMonthDay.isEmpty { parts.append("BYMONTHDAY=" + byMonthDay.map(String.init).joined(separator: ",")) }
        switch end {
        case .never: break
        case .count(let count): parts.append("COUNT=\(count)")
        case .until(let instant):
            let utc = LocalDateTime(instant, in: TimeZone(secondsFromGMT: 0)!)
            parts.append(
                "UNTIL=" + digits(utc.year, 4) + digits(utc.month, 2) + digits(utc.day, 2) + "T" + digits(utc.hour, 2)
                    + digits(utc.minute, 2) + digits(utc.second, 2) + "Z")
        case .untilDate(let year, let month, let day):
            parts.append("UNTIL=" + digits(year, 4) + digits(month, 2) + digits(day, 2))
        }
        return parts.joined(separator: ";")
    }

    // MARK: - Parsing helpers

    /// An unsigned decimal in `range`; digits outside it (or too many to fit an Int) are out of range.
    private static func number(_ value: String, in range: ClosedRange<Int>, part: String, text: String)
        throws(RecurrenceError) -> Int
    {
        guard !value.isEmpty, value.allSatisfy(\.isASCIIDigit) else { throw .invalidRule(text) }
        guard let number = Int(value), range.contains(number) else { throw .outOfRange(part: part) }
        return number
    }

    /// `n`, `+n` or `-n` with `n` in `magnitudes`.
    private static func signedNumber(_ value: String, magnitudes: ClosedRange<Int>, part: String, text: String)
        throws(RecurrenceError) -> Int
    {
        let negative = value.hasPrefix("-")
        let unsigned = value.hasPrefix("-") || value.hasPrefix("+") ? String(value.dropFirst()) : value
        let magnitude = try number(unsigned, in: 0...Int.max, part: part, text: text)
        guard magnitudes.contains(magnitude) else { throw .outOfRange(part: part) }
        return negative ? -magnitude : magnitude
    }

    /// `MO`, `2TU`, `+1WE`, `-1FR`.
    private static func parseByDay(_ item: String, part: String, text: String) throws(RecurrenceError) -> ByDay {
        guard let weekday = Weekday(rawValue: String(item.suffix(2))) else { throw .invalidRule(text) }
        let prefix = String(item.dropLast(2))
        guard !prefix.isEmpty else { return ByDay(weekday: weekday) }
        return ByDay(
            weekday: weekday, ordinal: try signedNumber(prefix, magnitudes: ordinalRange, part: part, text: text))
    }

    /// `YYYYMMDD` (a date in the meeting's zone) or `YYYYMMDDTHHMMSSZ` (an instant in UTC).
    private static func parseUntil(_ value: String, part: String, text: String) throws(RecurrenceError) -> End {
        let characters = Array(value)
        func field(_ range: Range<Int>) -> Int? {
            let slice = characters[range]
            guard slice.allSatisfy(\.isASCIIDigit) else { return nil }
            return Int(String(slice))
        }
        switch characters.count {
        case 8:
            guard let year = field(0..<4), let month = field(4..<6), let day = field(6..<8) else {
                throw .invalidRule(text)
            }
            guard LocalDateTime(year: year, month: month, day: day, hour: 0, minute: 0).isValid else {
                throw .outOfRange(part: part)
            }
            return .untilDate(year: year, month: month, day: day)
        case 15, 16:
            guard characters[8] == "T", let year = field(0..<4), let month = field(4..<6), let day = field(6..<8),
                let hour = field(9..<11), let minute = field(11..<13), let second = field(13..<15)
            else { throw .invalidRule(text) }
            // A floating local time is valid RFC 5545, but the zone it would float in is ambiguous here.
            guard characters.count == 16 else { throw .unsupported(part: part) }
            guard characters[15] == "Z" else { throw .invalidRule(text) }
            let utc = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            guard let instant = utc.instant(in: TimeZone(secondsFromGMT: 0)!) else { throw .outOfRange(part: part) }
            return .until(instant)
        default:
            throw .invalidRule(text)
        }
    }

    private func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Why RRULE text could not be used as a meeting's recurrence.
public enum RecurrenceError: Error, Sendable, Equatable {
    /// Not RRULE syntax, an unknown part or value, a repeated part, or no `FREQ`; carries the whole rule.
    case invalidRule(String)
    /// Valid RFC 5545 that mentord does not expand (`FREQ=YEARLY`, `BYSETPOS=-1`, `BYHOUR=9`); carries
    /// the part as given.
    case unsupported(part: String)
    /// A number or date outside what the part allows (`INTERVAL=0`, `BYDAY=6MO`, `UNTIL=20260230`);
    /// carries the part as given.
    case outOfRange(part: String)
    /// Parts that cannot be combined: `COUNT` with `UNTIL`, `BYMONTHDAY` or an ordinal `BYDAY` without
    /// `FREQ=MONTHLY`; carries the whole rule.
    case conflicting(String)
}
