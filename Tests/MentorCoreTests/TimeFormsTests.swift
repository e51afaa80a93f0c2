import Foundation
import MentorCore
import Testing

/// The time forms people type, as parse tables against a pinned clock: Thursday 2026-12-03, 15:03
/// in Berlin (the newcomer test's afternoon), and an occurrence on Wednesday 2026-12-30 at 18:30.
struct TimeFormsTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    /// Thu 2026-12-03 15:03 +01:00.
    static let now = Date(timeIntervalSince1970: 1_796_306_580)
    /// Wed 2026-12-30 18:30 +01:00.
    static let occurrence = Date(timeIntervalSince1970: 1_798_651_800)

    private static func local(_ text: String, from anchor: TimeAnchor = .now(now), in zone: TimeZone = berlin)
        throws -> String
    {
        RFC3339.local(try TimeExpression.parse(text, in: zone, from: anchor), in: zone)
    }

    @Test func thePinnedClockIsAThursdayAfternoon() {
        #expect(RFC3339.local(Self.now, in: Self.berlin) == "2026-12-03T15:03:00+01:00")
        #expect(RFC3339.local(Self.occurrence, in: Self.berlin) == "2026-12-30T18:30:00+01:00")
    }

    @Test(arguments: [
        ("3pm", "2026-12-04T15:00:00+01:00"),  // 15:00 has passed today
        ("3 PM", "2026-12-04T15:00:00+01:00"),
        ("3:30pm", "2026-12-03T15:30:00+01:00"),
        ("3:30 p.m.", "2026-12-03T15:30:00+01:00"),
        ("12am", "2026-12-04T00:00:00+01:00"),
        ("12pm", "2026-12-04T12:00:00+01:00"),
        ("15h", "2026-12-04T15:00:00+01:00"),
        ("15h30", "2026-12-03T15:30:00+01:00"),
        ("noon", "2026-12-04T12:00:00+01:00"),
        ("midnight", "2026-12-04T00:00:00+01:00"),
        ("tomorrow 9", "2026-12-04T09:00:00+01:00"),
        ("tomorrow at 9", "2026-12-04T09:00:00+01:00"),
        ("Tomorrow at 9am", "2026-12-04T09:00:00+01:00"),
        ("9:30 tomorrow", "2026-12-04T09:30:00+01:00"),
        ("today 16:00", "2026-12-03T16:00:00+01:00"),
        ("thu 3pm", "2026-12-10T15:00:00+01:00"),  // today's 15:00 has passed
        ("thu 4pm", "2026-12-03T16:00:00+01:00"),  // today's 16:00 is still ahead
        ("this thursday 4pm", "2026-12-03T16:00:00+01:00"),
        ("next thursday 3pm", "2026-12-10T15:00:00+01:00"),
        ("next thu 16:00", "2026-12-10T16:00:00+01:00"),  // never today, even with the time ahead
        ("next friday 9", "2026-12-04T09:00:00+01:00"),  // the first Friday after today
        ("fri at 9", "2026-12-04T09:00:00+01:00"),
        ("on fri at 9:15", "2026-12-04T09:15:00+01:00"),
        ("Dec 10 15:00", "2026-12-10T15:00:00+01:00"),
        ("10 Dec 15:00", "2026-12-10T15:00:00+01:00"),
        ("December 10th at 3pm", "2026-12-10T15:00:00+01:00"),
        ("Dec 10, 15:00", "2026-12-10T15:00:00+01:00"),
        ("dec 3 15:00", "2027-12-03T15:00:00+01:00"),  // today's has passed: next year's
        ("dec 3 16:00", "2026-12-03T16:00:00+01:00"),
        ("Feb 29 10:00", "2028-02-29T10:00:00+01:00"),
        ("10 Dec 2027 9:00", "2027-12-10T09:00:00+01:00"),
        ("2026-12-10 3pm", "2026-12-10T15:00:00+01:00"),
        ("2026-12-10 15:00", "2026-12-10T15:00:00+01:00"),
        ("2026-12-10 15", "2026-12-10T15:00:00+01:00"),
        ("in 1.5h", "2026-12-03T16:33:00+01:00"),
        ("in 90 minutes", "2026-12-03T16:33:00+01:00"),
        ("in 2.5 days", "2026-12-06T03:03:00+01:00"),
        ("yesterday 10:00", "2026-12-02T10:00:00+01:00"),
    ])
    func readsTheFormsPeopleType(text: String, expected: String) throws {
        #expect(try Self.local(text) == expected)
    }

    @Test(arguments: [
        ("2026-12-10", LocalDate(year: 2026, month: 12, day: 10)),
        ("tomorrow", LocalDate(year: 2026, month: 12, day: 4)),
        ("thu", LocalDate(year: 2026, month: 12, day: 3)),
        ("next thu", LocalDate(year: 2026, month: 12, day: 10)),
        ("Dec 10", LocalDate(year: 2026, month: 12, day: 10)),
        ("dec 1", LocalDate(year: 2027, month: 12, day: 1)),
        ("10 dec 2026", LocalDate(year: 2026, month: 12, day: 10)),
    ])
    func readsADayAloneWhereADayWillDo(text: String, day: LocalDate) throws {
        #expect(try TimeExpression.read(text, in: Self.berlin, from: .now(Self.now)) == .day(day))
        #expect(try TimeExpression.day(text, in: Self.berlin, now: Self.now) == day)
    }

    @Test func takesTheDayOfATimeForADateField() throws {
        #expect(
            try TimeExpression.day("in 2w", in: Self.berlin, now: Self.now) == LocalDate(year: 2026, month: 12, day: 17)
        )
        #expect(
            try TimeExpression.day("fri 9:00", in: Self.berlin, now: Self.now)
                == LocalDate(year: 2026, month: 12, day: 4))
    }

    /// A new time for the 30 December occurrence counts from it, never from now (3 December).
    @Test(arguments: [
        ("thu 19:00", "2026-12-31T19:00:00+01:00"),
        ("tue 19:00", "2027-01-05T19:00:00+01:00"),
        ("wed 19:00", "2026-12-30T19:00:00+01:00"),
        ("17:00", "2026-12-30T17:00:00+01:00"),  // a time alone keeps the occurrence's day
        ("5pm", "2026-12-30T17:00:00+01:00"),
        ("today 20:00", "2026-12-30T20:00:00+01:00"),
        ("tomorrow 9", "2026-12-31T09:00:00+01:00"),
        ("next wed 18:30", "2027-01-06T18:30:00+01:00"),
        ("in 2h", "2026-12-30T20:30:00+01:00"),
        ("Jan 4 10:00", "2027-01-04T10:00:00+01:00"),
        ("2027-01-04 10:00", "2027-01-04T10:00:00+01:00"),
        ("now", "2026-12-03T15:03:00+01:00"),
    ])
    func readsATimeForAnOccurrenceFromTheOccurrence(text: String, expected: String) throws {
        #expect(try Self.local(text, from: .occurrence(Self.occurrence, now: Self.now)) == expected)
    }

    /// Each refusal says why and what to type, for the form it recognised.
    @Test(arguments: [
        ("10/12/2026", "'10/12/2026' is a different day in different countries: write 2026-10-12 or 2026-12-10"),
        ("10/12/2026 15:00", "'10/12/2026' is a different day in different countries: write 2026-10-12 or 2026-12-10"),
        ("10.12.2026 15:00", "'10.12.2026' is a different day in different countries: write 2026-10-12 or 2026-12-10"),
        ("25/12/2026 15:00", "day and month come in different orders in different countries: write 2026-12-25"),
        ("12/25 3pm", "day and month come in different orders in different countries: write 25 Dec"),
        ("2026/12/03 15:00", "write dates with dashes: 2026-12-03"),
        ("13pm", "'13pm' mixes the 12- and 24-hour clocks: write 13:00 or an hour from 1 to 12 with am or pm"),
        ("24:00", "the day has no hour 24: write 00:00 and the next day (tomorrow 00:00)"),
        ("25:00", "'25:00' is not a time of day: hours run 0 to 23, minutes 00 to 59"),
        ("12:60", "'12:60' is not a time of day: hours run 0 to 23, minutes 00 to 59"),
        ("tomorrow", "that is a day; add a time of day: 'tomorrow 15:00'"),
        ("2026-12-10", "that is a day; add a time of day: '2026-12-10 15:00'"),
        ("Dec 10", "that is a day; add a time of day: 'Dec 10 15:00'"),
        ("9", "a bare 9 could be any hour: write 9:00, 9am or 9pm"),
        ("next week", "'next' goes with a weekday: next thu 15:00"),
        ("next 15:00", "'next' goes with a weekday: next thu 15:00"),
        ("in soon", "after 'in' comes a duration: in 2h, in 1h30m, in 1.5h, in 3 days"),
        ("in", "after 'in' comes a duration: in 2h, in 1h30m, in 1.5h, in 3 days"),
        ("3pm 4pm", "it names two times of day; give one"),
        ("lunch tomorrow", "'lunch' is not a day, month or time mentord knows (try thu 15:00, Dec 10 15:00, in 2h)"),
    ])
    func refusesWithAdviceForTheForm(text: String, advice: String) {
        #expect(throws: TimeExpressionError.unreadable(text, advice: advice)) {
            try TimeExpression.parse(text, in: Self.berlin, now: Self.now)
        }
    }

    @Test(arguments: ["Feb 30 10:00", "2026-02-30", "30 feb 2027 9:00", "2027-02-29 10:00"])
    func refusesDaysNoCalendarHas(text: String) {
        #expect(throws: TimeExpressionError.impossibleDate(text)) {
            try TimeExpression.read(text, in: Self.berlin, from: .now(Self.now))
        }
    }

    /// Across the changes of 2026: Berlin skips 02:00-03:00 on 29 March and repeats 02:00-03:00 on
    /// 25 October; New York repeats 01:00-02:00 on 1 November; Lord Howe skips 02:00-02:30 on 4 October.
    @Test func readsTheNewFormsAcrossDaylightSavingChanges() throws {
        let saturday = Date(timeIntervalSince1970: 1_774_706_400)  // Sat 2026-03-28 15:00 +01:00
        let newYork = TimeZone(identifier: "America/New_York")!
        let lordHowe = TimeZone(identifier: "Australia/Lord_Howe")!
        #expect(throws: TimeExpressionError.nonexistentLocalTime("tomorrow 2:30am", zone: "Europe/Berlin")) {
            try TimeExpression.parse("tomorrow 2:30am", in: Self.berlin, now: saturday)
        }
        #expect(throws: TimeExpressionError.nonexistentLocalTime("next sun 2:30", zone: "Europe/Berlin")) {
            try TimeExpression.parse("next sun 2:30", in: Self.berlin, now: saturday)
        }
        #expect(throws: TimeExpressionError.nonexistentLocalTime("Mar 29 2:30am", zone: "Europe/Berlin")) {
            try TimeExpression.parse("Mar 29 2:30am", in: Self.berlin, now: saturday)
        }
        #expect(throws: TimeExpressionError.nonexistentLocalTime("sun 2:30am", zone: "Europe/Berlin")) {
            try TimeExpression.parse("sun 2:30am", in: Self.berlin, now: saturday)
        }
        #expect(try Self.local("tomorrow 3am", from: .now(saturday)) == "2026-03-29T03:00:00+02:00")
        #expect(try Self.local("Oct 25 2:30am", from: .now(saturday)) == "2026-10-25T02:30:00+02:00")
        #expect(try Self.local("Nov 1 1:30am", from: .now(saturday), in: newYork) == "2026-11-01T01:30:00-04:00")
        #expect(throws: TimeExpressionError.nonexistentLocalTime("oct 4 2:15am", zone: "Australia/Lord_Howe")) {
            try TimeExpression.parse("oct 4 2:15am", in: lordHowe, now: saturday)
        }
        #expect(try Self.local("oct 4 2:30am", from: .now(saturday), in: lordHowe) == "2026-10-04T02:30:00+11:00")
        // "tomorrow" on the day before a change is the next calendar day, 23 or 25 hours away.
        let beforeFallBack = try TimeExpression.parse("2026-10-24 12:00", in: Self.berlin, now: saturday)
        let after = try TimeExpression.parse("tomorrow 12:00", in: Self.berlin, now: beforeFallBack)
        #expect(after.timeIntervalSince(beforeFallBack) == 25 * 3600)
    }

    @Test func readsInTheZoneItIsGiven() throws {
        let kolkata = TimeZone(identifier: "Asia/Kolkata")!
        let kathmandu = TimeZone(identifier: "Asia/Kathmandu")!
        #expect(try Self.local("tomorrow 9", in: kolkata) == "2026-12-04T09:00:00+05:30")
        #expect(try Self.local("thu 3pm", in: kathmandu) == "2026-12-10T15:00:00+05:45")
        // 15:03 in Berlin is already Friday 03:03 in Auckland: its "fri 9" is today there.
        let auckland = TimeZone(identifier: "Pacific/Auckland")!
        #expect(try Self.local("fri 9", in: auckland) == "2026-12-04T09:00:00+13:00")
    }
}
