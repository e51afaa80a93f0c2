import Foundation
import MentorCore
import MentorTestSupport
import Testing

struct ZoneRulesTests {
    /// The wall time as Foundation's calendar reads it, the way mentord did before it used offsets: nil in
    /// a gap, the earliest of twins in an overlap (looking back 30 minutes to 2 hours).
    private func calendarInstant(_ local: LocalDateTime, in zone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(
            year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute,
            second: local.second)
        guard let candidate = calendar.date(from: components) else { return nil }
        let fields: Set<Calendar.Component> = [.year, .month, .day, .hour, .minute, .second]
        func matches(_ date: Date) -> Bool {
            let seen = calendar.dateComponents(fields, from: date)
            return (seen.year, seen.month, seen.day, seen.hour, seen.minute, seen.second)
                == (local.year, local.month, local.day, local.hour, local.minute, local.second)
        }
        guard matches(candidate) else { return nil }
        return [7200.0, 3600.0, 1800.0].map { candidate.addingTimeInterval(-$0) }.first(where: matches) ?? candidate
    }

    /// Property: the offset arithmetic that recurrence and ``LocalDateTime/instant(in:)`` use reads a wall
    /// time as Foundation's calendar does, gaps and overlaps included, in zones with odd changes.
    @Test func offsetArithmeticAgreesWithTheCalendar() throws {
        var generator = SplitMix64(seed: 1387)
        let zones = [
            "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "America/Santiago",
            "Asia/Kathmandu", "Europe/Dublin", "Africa/Casablanca", "America/St_Johns", "UTC",
        ].map { TimeZone(identifier: $0)! }
        var gaps = 0
        for _ in 0..<4000 {
            let zone = zones[Int(generator.next() % UInt64(zones.count))]
            // Mostly the small hours of the months clocks change in, where gaps and overlaps are.
            let changeMonths = [3, 4, 9, 10, 11]
            let local = LocalDateTime(
                year: 1980 + Int(generator.next() % 60),
                month: generator.next() % 4 == 0
                    ? 1 + Int(generator.next() % 12) : changeMonths[Int(generator.next() % 5)],
                day: 1 + Int(generator.next() % 28), hour: Int(generator.next() % 4),
                minute: Int(generator.next() % 4) * 15)
            let expected = calendarInstant(local, in: zone)
            #expect(zone.instant(of: local) == expected, "\(local) in \(zone.identifier)")
            if let expected {
                #expect(zone.localTime(at: expected) == local)
                #expect(zone.resolve(local) == expected)
            } else {
                gaps += 1
            }
        }
        #expect(gaps > 0, "the samples reach DST gaps")
    }

    @Test func aWallTimeInAGapMovesForwardByTheGap() throws {
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let moved = berlin.resolve(LocalDateTime(year: 2026, month: 3, day: 29, hour: 2, minute: 30))
        #expect(RFC3339.local(moved, in: berlin) == "2026-03-29T03:30:00+02:00")
        let howe = TimeZone(identifier: "Australia/Lord_Howe")!
        let halfHour = howe.resolve(LocalDateTime(year: 2026, month: 10, day: 4, hour: 2, minute: 15))
        #expect(RFC3339.local(halfHour, in: howe) == "2026-10-04T02:45:00+11:00")
    }

    @Test func fixedOffsetsConvertBothWays() {
        let local = LocalDateTime(year: 1601, month: 1, day: 1, hour: 3, minute: 0, second: 0, millisecond: 250)
        let instant = local.instant(offset: 3600)
        #expect(LocalDateTime(instant, offset: 3600) == local)
        #expect(LocalDateTime(Date(timeIntervalSince1970: -0.5), offset: 0).second == 59)
    }
}
