import Foundation

extension Recurrence {
    /// The instants of the series that begins at `first`, between `from` and `through` inclusive, ascending,
    /// at most `limit` of them.
    ///
    /// The series is expanded in `zone` and keeps the wall time of `first`: a weekly 15:00 in
    /// Europe/Berlin stays 15:00 local on both sides of a DST change.
    /// - `first` is always the first occurrence and counts toward `COUNT`, even when it does not match
    ///   `BYDAY` or `BYMONTHDAY` (RFC 5545: DTSTART "always counts as the first occurrence"); `UNTIL` and
    ///   `COUNT` end the series, inclusively, but never remove `first`.
    /// - Weekly without `BYDAY` repeats on the start's weekday; weeks start on Monday, which is where
    ///   `INTERVAL` counts weeks from. Monthly without `BYDAY` or `BYMONTHDAY` repeats on the start's day of
    ///   month; a month without that day (the 31st, February 30) is skipped, not moved, as RFC 5545 says.
    ///   `BYMONTHDAY=-1` is the month's last day. With both `BYDAY` and `BYMONTHDAY`, a day must match both.
    /// - When the wall time does not exist on a date (clocks jumped over it), the occurrence moves forward
    ///   by the length of the jump: 02:30 on Berlin's spring-forward day is 03:30 local. The meeting still
    ///   happens that day, at the moment the clock would have shown 02:30 had it not jumped. When the wall
    ///   time exists twice, the earlier instant is taken, as ``LocalDateTime/instant(in:)`` does.
    /// - A window far from `first` is reached arithmetically, without walking the days before it, unless
    ///   the rule has a `COUNT`, which needs every earlier occurrence counted (at most 10,000).
    public func occurrences(startingAt first: Date, in zone: TimeZone, from: Date, through: Date, limit: Int = 1000)
        -> [Date]
    {
        guard limit > 0, from <= through else { return [] }
        let wall = LocalDateTime(first, in: zone)
        let startDay = CalendarDay(year: wall.year, month: wall.month, day: wall.day)
        var result: [Date] = []
        if from <= first && first <= through { result.append(first) }

        // Dates are compared first and cheaply; instants are only computed near the window, with a
        // day's slack either side for offsets and DST shifts.
        let windowFirstDay = CalendarDay(LocalDateTime(from, in: zone)).number - 2
        var lastDay = min(CalendarDay(LocalDateTime(through, in: zone)).number + 1, CalendarDay.last.number)
        var untilInstant: Date?
        var count: Int?
        switch end {
        case .never: break
        case .count(let total): count = total
        case .until(let instant):
            untilInstant = instant
            lastDay = min(lastDay, CalendarDay(LocalDateTime(instant, in: zone)).number + 1)
        case .untilDate(let year, let month, let day):
            lastDay = min(lastDay, CalendarDay(year: year, month: month, day: day).number)
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
            let local = LocalDateTime(
                year: date.year, month: date.month, day: date.day, hour: wall.hour, minute: wall.minute,
                second: wall.second, millisecond: wall.millisecond)
            guard let instant = Self.resolve(local, in: zone) else { continue }
            if let untilInstant, instant > untilInstant { break }
            if instant > through { break }
            // A zone that skipped a whole day (Pacific/Apia, 2011-12-30) maps two dates to one instant.
            guard instant > latest else { continue }
            latest = instant
            if instant >= from { result.append(instant) }
        }
        return result
    }

    /// `local` as an instant in `zone`, moved forward by the length of a DST gap it falls into.
    private static func resolve(_ local: LocalDateTime, in zone: TimeZone) -> Date? {
        if let instant = local.instant(in: zone) { return instant }
        var whole = local
        whole.millisecond = 0
        guard let asIfUTC = whole.instant(in: TimeZone(secondsFromGMT: 0)!) else { return nil }
        // Read the wall time with the offset in force before the jump; a day earlier is safely before it,
        // since no zone changes its clocks twice in a day.
        let offsetBefore = zone.secondsFromGMT(for: asIfUTC.addingTimeInterval(-86_400))
        return asIfUTC.addingTimeInterval(TimeInterval(-offsetBefore) + TimeInterval(local.millisecond) / 1000)
    }

    /// The candidate dates (as day numbers) of period `period`, in ascending order: period 0 holds the
    /// start. Dates before the start are returned too; the caller drops them.
    fileprivate func days(ofPeriod period: Int, start: CalendarDay) -> [Int] {
        switch frequency {
        case .daily:
            let day = start.number + period * interval
            let weekdays = byDay.map(\.weekday.index)
            return weekdays.isEmpty || weekdays.contains(CalendarDay.weekdayIndex(day)) ? [day] : []
        case .weekly:
            let monday = start.number - start.weekdayIndex + period * 7 * interval
            let weekdays = byDay.isEmpty ? [start.weekdayIndex] : byDay.map(\.weekday.index)
            return weekdays.map { monday + $0 }
        case .monthly:
            let monthIndex = start.monthIndex + period * interval
            let year = monthIndex / 12
            let month = monthIndex % 12 + 1
            let firstOfMonth = CalendarDay(year: year, month: month, day: 1).number
            return daysOfMonth(year: year, month: month, startDay: start.day).map { firstOfMonth + $0 - 1 }
        }
    }

    /// The first day number of period `period`, to know when the periods have passed the last wanted day.
    fileprivate func firstDay(ofPeriod period: Int, start: CalendarDay) -> Int {
        switch frequency {
        case .daily: return start.number + period * interval
        case .weekly: return start.number - start.weekdayIndex + period * 7 * interval
        case .monthly:
            let monthIndex = start.monthIndex + period * interval
            return CalendarDay(year: monthIndex / 12, month: monthIndex % 12 + 1, day: 1).number
        }
    }

    /// The period whose span holds `day` or ends just before it; no occurrence on or after `day` is in an
    /// earlier period.
    fileprivate func period(containing day: Int, start: CalendarDay) -> Int {
        let periods: Int
        switch frequency {
        case .daily: periods = (day - start.number) / interval
        case .weekly: periods = (day - (start.number - start.weekdayIndex)) / (7 * interval)
        case .monthly: periods = (CalendarDay(number: day).monthIndex - start.monthIndex) / interval
        }
        return max(0, periods)
    }

    /// Days of the month (1...31) the rule picks in `month`, ascending.
    private func daysOfMonth(year: Int, month: Int, startDay: Int) -> [Int] {
        let length = LocalDateTime.daysIn(month: month, year: year)
        // Bit d stands for day d; a mask per part, intersected, keeps this cheap for rules that rarely match.
        var picked: UInt64 = byMonthDay.isEmpty && byDay.isEmpty ? 1 << startDay : ~0
        if !byMonthDay.isEmpty {
            var mask: UInt64 = 0
            for number in byMonthDay {
                let day = number > 0 ? number : length + 1 + number
                if (1...length).contains(day) { mask |= 1 << day }
            }
            picked &= mask
        }
        if !byDay.isEmpty {
            let firstWeekday = CalendarDay.weekdayIndex(CalendarDay(year: year, month: month, day: 1).number)
            var mask: UInt64 = 0
            for entry in byDay {
                let firstMatch = 1 + (entry.weekday.index - firstWeekday + 7) % 7
                let matches = (length - firstMatch) / 7 + 1
                guard let ordinal = entry.ordinal else {
                    for position in 0..<matches { mask |= 1 << (firstMatch + 7 * position) }
                    continue
                }
                // A fifth Tuesday exists in some months only; the others have no occurrence.
                let position = ordinal > 0 ? ordinal - 1 : matches + ordinal
                if (0..<matches).contains(position) { mask |= 1 << (firstMatch + 7 * position) }
            }
            picked &= mask
        }
        // Days past the month's end (the 31st in April) are skipped, not moved.
        picked &= (1 << (length + 1)) - 2
        var days: [Int] = []
        while picked != 0 {
            days.append(picked.trailingZeroBitCount)
            picked &= picked - 1
        }
        return days
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
    var emptyPeriods = 0

    /// The Gregorian calendar repeats every 400 years, 4800 months: a rule that picks no date in that
    /// many periods in a row (`BYDAY=1MO;BYMONTHDAY=20`) never will.
    static let cycle = 4800

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
            guard recurrence.firstDay(ofPeriod: period, start: start) <= lastDay, emptyPeriods < Self.cycle else {
                return nil
            }
            pending = recurrence.days(ofPeriod: period, start: start)
            emptyPeriods = pending.isEmpty ? emptyPeriods + 1 : 0
            position = 0
            period += 1
        }
    }
}

/// A date of the proleptic Gregorian calendar with its day number (days since 1970-01-01), so dates
/// can be stepped and compared with integer arithmetic instead of a `Calendar` per day.
struct CalendarDay {
    let year: Int
    let month: Int
    let day: Int
    let number: Int

    static let last = CalendarDay(year: 9999, month: 12, day: 31)

    init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
        // Howard Hinnant's days_from_civil: years start in March so the leap day ends them.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = era * 146_097 + dayOfEra - 719_468
    }

    init(number: Int) {
        let shifted = number + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        self.number = number
    }

    init(_ local: LocalDateTime) {
        self.init(year: local.year, month: local.month, day: local.day)
    }

    /// Months since year 0, for stepping months.
    var monthIndex: Int { year * 12 + month - 1 }

    var weekdayIndex: Int { Self.weekdayIndex(number) }

    /// 0 for Monday ... 6 for Sunday; day 0, 1970-01-01, was a Thursday.
    static func weekdayIndex(_ number: Int) -> Int {
        ((number % 7) + 7 + 3) % 7
    }
}
