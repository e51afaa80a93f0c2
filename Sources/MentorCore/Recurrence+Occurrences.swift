import Foundation

extension Recurrence {
    /// The instants of the series that begins at `first`, between `from` and `through` inclusive, ascending,
    /// at most `limit` of them.
    ///
    /// The series is expanded in `zone` and keeps the wall time of `first`: a weekly 15:00 in
    /// Europe/Berlin stays 15:00 local on both sides of a DST change.
    /// - `first` is always the first occurrence and counts toward `COUNT`, even when it does not match
    ///   the rule (RFC 5545: DTSTART "always counts as the first occurrence"); `UNTIL` and `COUNT` end the
    ///   series, inclusively, but never remove `first`.
    /// - The dates are those of RFC 5545's rule: each period (day, week from ``weekStart``, month, year;
    ///   `INTERVAL` counts periods from the one holding `first`) contributes the dates its `BY` parts
    ///   pick, and `BYSETPOS` picks among those by position. Without `BYDAY` a weekly rule repeats on the
    ///   start's weekday; without `BYDAY` or `BYMONTHDAY` a monthly rule repeats on the start's day of month
    ///   and a yearly one on the start's day (in the start's month, or each `BYMONTH`); a month without that
    ///   day (the 31st, February 30) is skipped, not moved, as RFC 5545 says. `BYMONTHDAY=-1` is the
    ///   month's last day. Each `BY` part must match; the entries of one part are alternatives.
    /// - When the wall time does not exist on a date (clocks jumped over it), the occurrence moves forward
    ///   by the length of the jump: 02:30 on Berlin's spring-forward day is 03:30 local. The meeting still
    ///   happens that day, at the moment the clock would have shown 02:30 had it not jumped. When the wall
    ///   time exists twice, the earlier instant is taken, as ``LocalDateTime/instant(in:)`` does.
    /// - A window far from `first` is reached arithmetically, without walking the days before it, unless
    ///   the rule has a `COUNT`, which needs every earlier occurrence counted (at most 10,000).
    public func occurrences(
        startingAt first: Date, in zone: some ZoneRules, from: Date, through: Date, limit: Int = 1000
    ) -> [Date] {
        guard limit > 0, from <= through else { return [] }
        let wall = zone.localTime(at: first)
        let startDay = CalendarDay(wall)
        var result: [Date] = []
        if from <= first && first <= through { result.append(first) }

        // Dates are compared first and cheaply; instants are only computed near the window, with a
        // day's slack either side for offsets and DST shifts.
        let windowFirstDay = CalendarDay(zone.localTime(at: from)).number - 2
        var lastDay = min(CalendarDay(zone.localTime(at: through)).number + 1, CalendarDay.last.number)
        var untilInstant: Date?
        var count: Int?
        switch end {
        case .never: break
        case .count(let total): count = total
        case .until(let instant):
            untilInstant = instant
            lastDay = min(lastDay, CalendarDay(zone.localTime(at: instant)).number + 1)
        case .untilDate(let year, let month, let day):
            lastDay = min(lastDay, CalendarDay(year: year, month: month, day: day).number)
        case .untilLocal(let local):
            untilInstant = zone.resolve(local)
            lastDay = min(lastDay, CalendarDay(local).number)
        }

        var candidates = CandidateDays(
            recurrence: self, start: startDay, lastDay: lastDay, skippingTo: count == nil ? windowFirstDay : nil)
        var seen = 1  // `first`
        var latest = first
        while result.count < limit, let day = candidates.next(), day <= lastDay {
            if let count, seen >= count { break }
            seen += 1
            if day < windowFirstDay { continue }
            let date = CalendarDay(number: day)
            let instant = zone.resolve(
                LocalDateTime(
                    year: date.year, month: date.month, day: date.day, hour: wall.hour, minute: wall.minute,
                    second: wall.second, millisecond: wall.millisecond))
            if let untilInstant, instant > untilInstant { break }
            if instant > through { break }
            // A zone that skipped a whole day (Pacific/Apia, 2011-12-30) maps two dates to one instant.
            guard instant > latest else { continue }
            latest = instant
            if instant >= from { result.append(instant) }
        }
        return result
    }
}

/// Walks the rule's candidate dates in ascending order, one period at a time.
private struct CandidateDays {
    let recurrence: Recurrence
    let start: CalendarDay
    let lastDay: Int
    var period: Int
    var pending: [Int] = []
    var position = 0
    var emptyDays = 0

    /// The Gregorian calendar repeats every 400 years, 146,097 days: a rule that picks no date in that
    /// long a run of periods (`BYDAY=1MO;BYMONTHDAY=20`, `BYMONTH=2;BYMONTHDAY=30`) never will.
    static let cycle = 146_097

    /// `skippingTo`: begin with the period holding this day, not the start's; earlier periods have no
    /// occurrence the caller wants.
    init(recurrence: Recurrence, start: CalendarDay, lastDay: Int, skippingTo day: Int?) {
        self.recurrence = recurrence
        self.start = start
        self.lastDay = lastDay
        self.period = day.map { recurrence.period(containing: $0, start: start) } ?? 0
    }

    /// The next date after the start, or nil once the periods begin after `lastDay`.
    mutating func next() -> Int? {
        while true {
            while position < pending.count {
                let day = pending[position]
                position += 1
                if day > start.number { return day }
            }
            let firstDay = recurrence.firstDay(ofPeriod: period, start: start)
            guard firstDay <= lastDay, emptyDays < Self.cycle else { return nil }
            pending = recurrence.days(ofPeriod: period, start: start)
            period += 1
            emptyDays =
                pending.isEmpty ? emptyDays + recurrence.firstDay(ofPeriod: period, start: start) - firstDay : 0
            position = 0
        }
    }
}
