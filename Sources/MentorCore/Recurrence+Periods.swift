import Foundation

/// The periods of a rule and the dates each one picks, as day numbers (days since 1970-01-01).
extension Recurrence {
    /// The dates of period `period`, ascending, after `BYSETPOS`: period 0 holds the start. Dates before
    /// the start are returned too; the caller drops them (they still count for `BYSETPOS`).
    func days(ofPeriod period: Int, start: CalendarDay) -> [Int] {
        let days: [Int]
        switch frequency {
        case .daily:
            let day = start.number + period * interval
            days = matchesLimits(day) ? [day] : []
        case .weekly:
            let first = firstDay(ofPeriod: period, start: start)
            let weekdays = byDay.isEmpty ? [start.weekdayIndex] : byDay.map(\.weekday.index)
            days = (first..<first + 7).filter {
                weekdays.contains(CalendarDay.weekdayIndex($0)) && matchesMonth(CalendarDay(number: $0).month)
            }
        case .monthly:
            let monthIndex = start.monthIndex + period * interval
            let (year, month) = (monthIndex / 12, monthIndex % 12 + 1)
            guard matchesMonth(month) else { return [] }
            let defaultDay = byMonthDay.isEmpty && byDay.isEmpty ? start.day : nil
            days = self.days(year: year, month: month, defaultDay: defaultDay, yearOrdinals: nil)
        case .yearly:
            let year = start.year + period * interval
            let onlyStartDay = byMonthDay.isEmpty && byDay.isEmpty
            let months = !byMonth.isEmpty ? byMonth : onlyStartDay ? [start.month] : Array(1...12)
            // Ordinals count weekdays in the month when BYMONTH is given, else in the whole year.
            let yearOrdinals =
                byMonth.isEmpty
                ? ordinalDays(
                    from: CalendarDay(year: year, month: 1, day: 1).number,
                    length: CalendarDay.daysIn(year: year)) : nil
            days = months.flatMap {
                self.days(year: year, month: $0, defaultDay: onlyStartDay ? start.day : nil, yearOrdinals: yearOrdinals)
            }
        }
        return bySetPosition.isEmpty ? days : Self.positions(bySetPosition, in: days)
    }

    /// The first day number of period `period`, to know when the periods have passed the last wanted day.
    func firstDay(ofPeriod period: Int, start: CalendarDay) -> Int {
        switch frequency {
        case .daily: return start.number + period * interval
        case .weekly: return weekStartDay(of: start) + period * 7 * interval
        case .monthly:
            let monthIndex = start.monthIndex + period * interval
            return CalendarDay(year: monthIndex / 12, month: monthIndex % 12 + 1, day: 1).number
        case .yearly: return CalendarDay(year: start.year + period * interval, month: 1, day: 1).number
        }
    }

    /// The period whose span holds `day` or ends just before it; no occurrence on or after `day` is in an
    /// earlier period.
    func period(containing day: Int, start: CalendarDay) -> Int {
        let periods: Int
        switch frequency {
        case .daily: periods = (day - start.number) / interval
        case .weekly: periods = (day - weekStartDay(of: start)) / (7 * interval)
        case .monthly: periods = (CalendarDay(number: day).monthIndex - start.monthIndex) / interval
        case .yearly: periods = (CalendarDay(number: day).year - start.year) / interval
        }
        return max(0, periods)
    }

    /// The first day of the week (from ``weekStart``) that holds `day`.
    private func weekStartDay(of day: CalendarDay) -> Int {
        day.number - (day.weekdayIndex - weekStart.index + 7) % 7
    }

    private func matchesMonth(_ month: Int) -> Bool {
        byMonth.isEmpty || byMonth.contains(month)
    }

    /// Whether a day of a daily rule passes its `BYMONTH`, `BYMONTHDAY` and `BYDAY` limits.
    private func matchesLimits(_ number: Int) -> Bool {
        let date = CalendarDay(number: number)
        guard matchesMonth(date.month) else { return false }
        if !byDay.isEmpty && !byDay.contains(where: { $0.weekday.index == date.weekdayIndex }) { return false }
        guard !byMonthDay.isEmpty else { return true }
        let length = LocalDateTime.daysIn(month: date.month, year: date.year)
        return byMonthDay.contains { $0 > 0 ? $0 == date.day : length + 1 + $0 == date.day }
    }

    /// Day numbers the rule picks in one month, ascending. `defaultDay`: the start's day of month, when no
    /// `BY` part names days. `yearOrdinals`: the days that ordinal `BYDAY` entries pick counted over the
    /// year; nil counts them in this month.
    private func days(year: Int, month: Int, defaultDay: Int?, yearOrdinals: Set<Int>?) -> [Int] {
        let length = LocalDateTime.daysIn(month: month, year: year)
        let firstOfMonth = CalendarDay(year: year, month: month, day: 1).number
        // Bit d stands for day d; a mask per part, intersected, keeps this cheap for rules that rarely match.
        var picked: UInt64 = defaultDay.map { 1 << $0 } ?? ~0
        if !byMonthDay.isEmpty {
            var mask: UInt64 = 0
            for number in byMonthDay {
                let day = number > 0 ? number : length + 1 + number
                if (1...length).contains(day) { mask |= 1 << day }
            }
            picked &= mask
        }
        if !byDay.isEmpty {
            let firstWeekday = CalendarDay.weekdayIndex(firstOfMonth)
            var mask: UInt64 = 0
            for entry in byDay where entry.ordinal == nil || yearOrdinals == nil {
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
            for day in yearOrdinals ?? [] where (firstOfMonth..<firstOfMonth + length).contains(day) {
                mask |= 1 << (day - firstOfMonth + 1)
            }
            picked &= mask
        }
        // Days past the month's end (the 31st in April) are skipped, not moved.
        picked &= (1 << (length + 1)) - 2
        var days: [Int] = []
        while picked != 0 {
            days.append(firstOfMonth + picked.trailingZeroBitCount - 1)
            picked &= picked - 1
        }
        return days
    }

    /// The days that the ordinal `BYDAY` entries pick among `length` days from day number `first`.
    private func ordinalDays(from first: Int, length: Int) -> Set<Int> {
        var days: Set<Int> = []
        for entry in byDay {
            guard let ordinal = entry.ordinal else { continue }
            let offset = (entry.weekday.index - CalendarDay.weekdayIndex(first) + 7) % 7
            let matches = (length - 1 - offset) / 7 + 1
            let position = ordinal > 0 ? ordinal - 1 : matches + ordinal
            if (0..<matches).contains(position) { days.insert(first + offset + 7 * position) }
        }
        return days
    }

    /// The entries of `days` at `positions` (1-based, negative from the end), ascending, each once.
    private static func positions(_ positions: [Int], in days: [Int]) -> [Int] {
        var picked: Set<Int> = []
        for position in positions {
            let index = position > 0 ? position - 1 : days.count + position
            if days.indices.contains(index) { picked.insert(days[index]) }
        }
        return picked.sorted()
    }
}
