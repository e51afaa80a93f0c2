import Foundation

extension LocalDateTime {
    /// The wall time at `instant` at a fixed offset of `offset` seconds east of UTC, to the millisecond.
    public init(_ instant: Date, offset: Int) {
        let milliseconds = Int((instant.timeIntervalSince1970 * 1000).rounded()) + offset * 1000
        let (days, inDay) = Self.floorDivide(milliseconds, 86_400_000)
        let date = CalendarDay(number: days)
        self.init(
            year: date.year, month: date.month, day: date.day, hour: inDay / 3_600_000,
            minute: inDay / 60_000 % 60, second: inDay / 1000 % 60, millisecond: inDay % 1000)
    }

    /// The instant this wall time denotes at a fixed offset of `offset` seconds east of UTC. The fields
    /// are taken as they are: 24:00 is the next midnight, and no field is checked.
    public func instant(offset: Int) -> Date {
        let day = CalendarDay(year: year, month: month, day: self.day).number
        let seconds = day * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(millisecond) / 1000)
    }

    private static func floorDivide(_ value: Int, _ divisor: Int) -> (Int, Int) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }
}
