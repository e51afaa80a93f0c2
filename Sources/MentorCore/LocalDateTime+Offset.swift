import Foundation

extension LocalDateTime {
    /// The wall time at `instant` at a fixed offset of `offset` seconds east of UTC, to the nearest
    /// millisecond: integer civil-date arithmetic, no `Calendar`.
    public init(_ instant: Date, offset: Int) {
        let local = instant.millisecondsSince1970 + Int64(offset) * 1000
        let (days, milliseconds) = Self.floorDivision(local, by: 86_400_000)
        let date = CalendarDay(number: Int(days))
        let time = Int(milliseconds)
        self.init(
            year: date.year, month: date.month, day: date.day, hour: time / 3_600_000, minute: time / 60_000 % 60,
            second: time / 1000 % 60, millisecond: time % 1000)
    }

    /// The instant this wall time denotes at a fixed offset of `offset` seconds east of UTC, on a whole
    /// millisecond. The fields are taken as they are: 24:00 is the next midnight, and no field is checked.
    public func instant(offset: Int) -> Date {
        Date(millisecondsSince1970: (wallSeconds - Int64(offset)) * 1000 + Int64(millisecond))
    }

    /// Seconds from 1970-01-01 00:00 to this wall time, both read on the same clock.
    var wallSeconds: Int64 {
        Int64(CalendarDay(year: year, month: month, day: day).number) * 86_400
            + Int64(hour * 3600 + minute * 60 + second)
    }

    private static func floorDivision(_ value: Int64, by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value >= 0 ? value / divisor : (value - divisor + 1) / divisor
        return (quotient, value - quotient * divisor)
    }
}
