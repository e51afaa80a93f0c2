import Foundation

/// Reads the times users type for a meeting start.
///
/// Accepted forms, case-insensitive:
/// - RFC 3339 / ISO 8601 with an offset: `2026-12-03T15:00:00+01:00`, `2026-12-03T14:00Z`;
/// - a local time in the given zone: `2026-12-03 15:00`, `2026-12-03T15:00:30`;
/// - `today 15:00`, `tomorrow 9:30`, a weekday (`mon 15:00`, `friday 10:00`: the next such day
///   whose time is still ahead), or a bare `15:00` (the next time the clock shows it);
/// - `now` and `in <duration>` (`in 2h`, `in 1h30m`).
///
/// Local forms are resolved with ``LocalDateTime/instant(in:)``: a time skipped by a DST change is
/// refused, a time that occurs twice means the first one.
public enum TimeExpression {
    /// The instants a meeting can have: 1970 to the end of 9999, UTC. Outside them an instant does
    /// not fit the store's milliseconds or reads back as another year (the fuzzer found both: a
    /// start "in 20000000000w", and 0001-01-01 east of UTC, which is in 1 BC).
    public static let supportedRange = Date(timeIntervalSince1970: 0)...Date(timeIntervalSince1970: 253_402_300_799)

    /// The instant `text` denotes, reading local times in `zone`, relative ones from `now`.
    /// - Throws: ``TimeExpressionError/impossibleDate(_:)`` for an instant outside ``supportedRange``.
    public static func parse(_ text: String, in zone: TimeZone, now: Date) throws(TimeExpressionError) -> Date {
        let instant = try parseAnyInstant(text, in: zone, now: now)
        guard supportedRange.contains(instant) else { throw .impossibleDate(text) }
        return instant
    }

    private static func parseAnyInstant(_ text: String, in zone: TimeZone, now: Date) throws(TimeExpressionError)
        -> Date
    {
        let input = text.trimmingCharacters(in: .whitespaces).lowercased()
        if input == "now" { return now }
        if input.hasPrefix("in ") {
            guard let seconds = try? DurationExpression.seconds(String(input.dropFirst(3))) else {
                throw .invalidSyntax(text)
            }
            return now.addingTimeInterval(TimeInterval(seconds))
        }
        let words = input.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch words.count {
        case 1:
            if let clock = ClockTime(words[0]) {
                return try nextOccurrence(of: clock, dayOffsets: 0...1, text, zone, now)
            }
            return try parseDateTime(words[0], text: text, zone: zone)
        case 2:
            if let clock = ClockTime(words[1]) {
                if let offset = ["today": 0, "tomorrow": 1][words[0]] {
                    return try nextOccurrence(
                        of: clock, dayOffsets: offset...offset, text, zone, now, mustBeAhead: false)
                }
                if let weekday = weekdayNumber(words[0]) {
                    return try nextOccurrence(of: clock, dayOffsets: 0...7, text, zone, now, weekday: weekday)
                }
            }
            return try parseDateTime(words[0] + "t" + words[1], text: text, zone: zone)
        default:
            throw .invalidSyntax(text)
        }
    }

    /// `YYYY-MM-DDtHH:MM[:SS[.fff]][z|±HH[:MM]]`, already lowercased.
    private static func parseDateTime(_ value: String, text: String, zone: TimeZone) throws(TimeExpressionError) -> Date
    {
        let halves = value.split(separator: "t", maxSplits: 1).map(String.init)
        guard halves.count == 2, let date = LocalDateTime(day: halves[0]) else { throw .invalidSyntax(text) }
        var clockText = halves[1]
        var offsetSeconds: Int?
        if clockText.hasSuffix("z") {
            clockText.removeLast()
            offsetSeconds = 0
        } else if let signIndex = clockText.firstIndex(where: { $0 == "+" || $0 == "-" }) {
            guard let offset = parseOffset(String(clockText[signIndex...])) else { throw .invalidSyntax(text) }
            offsetSeconds = offset
            clockText = String(clockText[..<signIndex])
        }
        guard let clock = ClockTime(clockText) else { throw .invalidSyntax(text) }
        let local = LocalDateTime(
            year: date.year, month: date.month, day: date.day, hour: clock.hour, minute: clock.minute,
            second: clock.second, millisecond: clock.millisecond)
        guard local.isValid else { throw .impossibleDate(text) }
        if let offsetSeconds {
            // The offset says exactly which instant; the zone is only where the meeting lives.
            guard let instant = local.instant(in: TimeZone(secondsFromGMT: 0)!) else { throw .impossibleDate(text) }
            return instant.addingTimeInterval(TimeInterval(-offsetSeconds))
        }
        guard let instant = local.instant(in: zone) else {
            throw .nonexistentLocalTime(text, zone: zone.identifier)
        }
        return instant
    }

    /// `+01:00`, `-0530`, `+02` in seconds east of UTC.
    private static func parseOffset(_ text: String) -> Int? {
        let sign = text.first == "-" ? -1 : 1
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.allSatisfy(\.isASCIIDigit), digits.count == 2 || digits.count == 4 else { return nil }
        let hours = Int(digits.prefix(2))!
        let minutes = digits.count == 4 ? Int(digits.suffix(2))! : 0
        guard hours <= 23, minutes <= 59 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    private static func weekdayNumber(_ word: String) -> Int? {
        let names = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        guard word.count >= 3, let index = names.firstIndex(where: { $0.hasPrefix(word) }) else { return nil }
        return index + 1  // Calendar numbers Sunday as 1.
    }

    /// The first day in `dayOffsets` (counted from today in `zone`) on which `clock` is a valid
    /// instant, on the wanted weekday, and (if `mustBeAhead`) after `now`.
    private static func nextOccurrence(
        of clock: ClockTime, dayOffsets: ClosedRange<Int>, _ text: String, _ zone: TimeZone, _ now: Date,
        weekday: Int? = nil, mustBeAhead: Bool = true
    ) throws(TimeExpressionError) -> Date {
        let calendar = Calendar.gregorian(in: zone)
        let today = LocalDateTime(now, in: zone)
        // Noon never falls in a DST gap, so stepping whole days from it is safe.
        let noon =
            LocalDateTime(year: today.year, month: today.month, day: today.day, hour: 12, minute: 0).instant(in: zone)
            ?? now
        var sawGap = false
        for offset in dayOffsets {
            let day = calendar.date(byAdding: .day, value: offset, to: noon)!
            if let weekday, calendar.component(.weekday, from: day) != weekday { continue }
            let date = LocalDateTime(day, in: zone)
            let local = LocalDateTime(
                year: date.year, month: date.month, day: date.day, hour: clock.hour, minute: clock.minute,
                second: clock.second)
            guard let instant = local.instant(in: zone) else {
                sawGap = true
                continue
            }
            if !mustBeAhead || instant > now { return instant }
        }
        throw sawGap ? .nonexistentLocalTime(text, zone: zone.identifier) : .invalidSyntax(text)
    }
}

/// A time of day as typed: `9:30`, `15:00`, `15:00:30`, `15:00:30.250`.
struct ClockTime {
    var hour: Int
    var minute: Int
    var second = 0
    var millisecond = 0

    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var secondsPart = parts.count == 3 ? String(parts[2]) : "00"
        if let dot = secondsPart.firstIndex(of: ".") {
            let fraction = secondsPart[secondsPart.index(after: dot)...]
            guard (1...3).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            millisecond = Int(fraction.padding(toLength: 3, withPad: "0", startingAt: 0))!
            secondsPart = String(secondsPart[..<dot])
        }
        guard (1...2).contains(parts[0].count), parts[1].count == 2, secondsPart.count == 2,
            ([parts[0], parts[1], Substring(secondsPart)]).allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), let second = Int(secondsPart),
            hour <= 23, minute <= 59, second <= 59
        else { return nil }
        (self.hour, self.minute, self.second) = (hour, minute, second)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Why a time could not be read.
public enum TimeExpressionError: Error, Sendable, Equatable {
    /// Not a form ``TimeExpression`` knows; carries the text as given.
    case invalidSyntax(String)
    /// Well formed, but no such date: 2026-02-30, 2027-02-29.
    case impossibleDate(String)
    /// A local time that the zone skips (clocks jumped forward over it).
    case nonexistentLocalTime(String, zone: String)
}
