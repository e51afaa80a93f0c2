import Foundation

/// A date of the proleptic Gregorian calendar with its day number (days since 1970-01-01), so dates
/// can be stepped and compared with integer arithmetic instead of a `Calendar` per day.
struct CalendarDay: Sendable, Hashable {
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

    /// Days in `year`: 365 or 366.
    static func daysIn(year: Int) -> Int {
        LocalDateTime.daysIn(month: 2, year: year) == 29 ? 366 : 365
    }
}
