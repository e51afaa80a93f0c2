import Foundation

/// Reads the times people type, in a zone, counted from an anchor (now, or an occurrence).
///
/// Accepted, case-insensitive (docs/time.md has the table with what each form means):
/// - RFC 3339 with an offset: `2026-12-03T15:00:00+01:00`, `2026-12-03T14:00Z`;
/// - a local date and time: `2026-12-03 15:00`, `Dec 10 15:00`, `10 Dec 2026 3pm`;
/// - a day and a time of day, in either order and with `at` between if you like: `today 15:00`,
///   `tomorrow at 9`, `thu 3pm`, `next thursday 15h`; a time of day alone: `15:00`, `3:30pm`, `noon`;
/// - `now`, and `in <duration>` (`in 2h`, `in 1h30m`, `in 1.5h`);
/// - where a whole day is the natural input (``read(_:in:from:)``), a day alone: `2026-12-10`,
///   `tomorrow`, `thu`, `Dec 10`.
///
/// Local forms are resolved with ``LocalDateTime/instant(in:)``: a time skipped by a DST change is
/// refused, a time that occurs twice means the first one. What cannot be read is refused with
/// advice for the form it looks like: `10/12/2026` is a different day in different countries.
public enum TimeExpression {
    /// The instants a meeting can have: 1970 to the end of 9999, UTC. Outside them an instant does
    /// not fit the store's milliseconds or reads back as another year (the fuzzer found both: a
    /// start "in 20000000000w", and 0001-01-01 east of UTC, which is in 1 BC).
    public static let supportedRange = Date(timeIntervalSince1970: 0)...Date(timeIntervalSince1970: 253_402_300_799)

    /// The instant `text` denotes, reading local times in `zone`, relative ones from `now`.
    /// - Throws: ``TimeExpressionError``; a day without a time of day is refused with advice.
    public static func parse(_ text: String, in zone: TimeZone, now: Date) throws(TimeExpressionError) -> Date {
        try parse(text, in: zone, from: .now(now))
    }

    /// The instant `text` denotes, reading local times in `zone`, relative ones from `anchor`.
    /// - Throws: ``TimeExpressionError``; a day without a time of day is refused with advice.
    public static func parse(_ text: String, in zone: TimeZone, from anchor: TimeAnchor)
        throws(TimeExpressionError) -> Date
    {
        switch try read(text, in: zone, from: anchor) {
        case .instant(let instant): return instant
        case .day:
            let typed = text.trimmingCharacters(in: .whitespaces)
            throw .unreadable(text, advice: "that is a day; add a time of day: '\(typed) 15:00'")
        }
    }

    /// The instant or, for a day alone, the day `text` denotes.
    /// - Throws: ``TimeExpressionError/impossibleDate(_:)`` for an instant outside ``supportedRange``.
    public static func read(_ text: String, in zone: TimeZone, from anchor: TimeAnchor)
        throws(TimeExpressionError) -> TypedTime
    {
        let read = try readAnything(text, in: zone, from: anchor)
        switch read {
        case .instant(let instant): guard supportedRange.contains(instant) else { throw .impossibleDate(text) }
        case .day(let day): guard day.isValid else { throw .impossibleDate(text) }
        }
        return read
    }

    /// The day `text` names, for a date field (a due date, a goal's target date): a day alone, or
    /// the day in `zone` that a time falls on (`in 3 days`).
    public static func day(_ text: String, in zone: TimeZone, now: Date) throws(TimeExpressionError) -> LocalDate {
        switch try read(text, in: zone, from: .now(now)) {
        case .day(let day): day
        case .instant(let instant): LocalDate(instant, in: zone)
        }
    }

    private static func readAnything(_ text: String, in zone: TimeZone, from anchor: TimeAnchor)
        throws(TimeExpressionError) -> TypedTime
    {
        let input = text.trimmingCharacters(in: .whitespaces).lowercased()
        if input == "now" { return .instant(anchor.now) }
        if input == "in" || input.hasPrefix("in ") {
            let amount = String(input.dropFirst(2))
            guard
                let seconds = (try? DurationExpression.seconds(amount)) ?? DurationExpression.fractionalSeconds(amount)
            else {
                throw .unreadable(text, advice: "after 'in' comes a duration: in 2h, in 1h30m, in 1.5h, in 3 days")
            }
            return .instant(anchor.base.addingTimeInterval(TimeInterval(seconds)))
        }
        let words = input.split(separator: " ").map(String.init)
        if let dateTime = isoDateTime(words) {
            return .instant(try parseDateTime(dateTime, text: text, zone: zone))
        }
        return try resolve(TimePhrase.read(input, text: text), text, zone, anchor)
    }

    /// `2026-12-03t15:00…` or `2026-12-03 15:00…` as one `t`-joined word; nil for other forms.
    private static func isoDateTime(_ words: [String]) -> String? {
        if words.count == 1, words[0].count > 11, LocalDateTime(day: words[0].prefix(10)) != nil,
            words[0].dropFirst(10).first == "t"
        {
            return words[0]
        }
        if words.count == 2, LocalDateTime(day: words[0]) != nil, words[1].contains(":"),
            words[1].first?.isASCIIDigit == true, !words[1].hasSuffix("m") && !words[1].hasSuffix("m.")
        {
            return words[0] + "t" + words[1]
        }
        return nil
    }

    /// `YYYY-MM-DDtHH:MM[:SS[.fff]][z|±HH[:MM]]`, already lowercased.
    private static func parseDateTime(_ value: String, text: String, zone: TimeZone) throws(TimeExpressionError) -> Date
    {
        let halves = value.split(separator: "t", maxSplits: 1).map(String.init)
        guard halves.count == 2, let date = LocalDate(iso: halves[0]) else { throw .invalidSyntax(text) }
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
        guard let clock = try ClockTime.read(clockText, in: text) else { throw .invalidSyntax(text) }
        let local = date.at(clock)
        guard local.isValid else { throw .impossibleDate(text) }
        if let offsetSeconds {
            // The offset says exactly which instant; the zone is only where the meeting lives.
            return local.instant(offset: offsetSeconds)
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

    /// The day a phrase names, and with a time of day, the instant: the first candidate day on
    /// which the time exists (for a time alone or a weekday, a day whose time falls in a DST gap is
    /// passed over) and, for the forms that look ahead, lies after the anchor.
    private static func resolve(_ phrase: TimePhrase, _ text: String, _ zone: TimeZone, _ anchor: TimeAnchor)
        throws(TimeExpressionError) -> TypedTime
    {
        let base = anchor.base
        let today = LocalDate(base, in: zone)
        let (candidates, mustBeAhead) = candidateDays(phrase.day, from: today, forOccurrence: anchor.occurrence != nil)
        guard let clock = phrase.clock else {
            // A day alone: the first candidate that is not before the anchor's day.
            guard let day = candidates.first(where: { $0 >= today || !mustBeAhead }) else { throw .invalidSyntax(text) }
            return .day(day)
        }
        var sawGap = false
        for day in candidates {
            guard let instant = day.at(clock).instant(in: zone) else {
                // Only the forms that mean "the next such day" move on to the next one; `Oct 4 02:15`
                // in a gap is refused, not read as a year later.
                if case .monthDay = phrase.day { throw .nonexistentLocalTime(text, zone: zone.identifier) }
                sawGap = true
                continue
            }
            if !mustBeAhead || instant > base { return .instant(instant) }
        }
        throw sawGap ? .nonexistentLocalTime(text, zone: zone.identifier) : .invalidSyntax(text)
    }

    /// The days a phrase may mean, in order, and whether the time must still be ahead on it.
    private static func candidateDays(_ day: DayPhrase?, from today: LocalDate, forOccurrence: Bool)
        -> (days: [LocalDate], mustBeAhead: Bool)
    {
        switch day {
        case nil:
            // For an occurrence, a time alone keeps its day: "17:00" moves it within the day.
            forOccurrence ? ([today], false) : ([today, today.adding(days: 1)], true)
        case .daysAfterAnchor(let days): ([today.adding(days: days)], false)
        case .weekday(let weekday): ((0...7).map { today.adding(days: $0) }.filter { $0.weekday == weekday }, true)
        case .nextWeekday(let weekday): ((1...7).map { today.adding(days: $0) }.filter { $0.weekday == weekday }, false)
        case .date(let date): ([date], false)
        case .monthDay(let month, let day):
            // The 29th of February comes at most eight years later (2096 to 2104).
            (
                (0...8).map { LocalDate(year: today.year + $0, month: month, day: day) }
                    .filter { $0.isValid && $0 >= today }, true
            )
        }
    }
}
