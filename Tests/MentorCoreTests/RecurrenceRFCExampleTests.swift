import Foundation
import MentorCore
import Testing

/// The examples of RFC 5545 §3.8.5.3 that the supported parts can express, with the dates the RFC
/// lists (in America/New_York, as there), plus the `WKST` example that Outlook and Google rules depend on.
struct RecurrenceRFCExampleTests {
    let newYork = TimeZone(identifier: "America/New_York")!

    /// The dates (YYYY-MM-DD) of `rule` from `start` (`YYYY-MM-DD`, at 09:00 New York) through `through`.
    private func dates(_ rule: String, start: String, through: String = "2005-01-01") throws -> [String] {
        let first = try #require(LocalDateTime(day: start, hour: 9)?.instant(in: newYork))
        let last = try #require(LocalDateTime(day: through, hour: 0)?.instant(in: newYork))
        return try Recurrence.parse(rule).occurrences(startingAt: first, in: newYork, from: first, through: last)
            .map { String(RFC3339.local($0, in: newYork).prefix(10)) }
    }

    @Test func yearlyInJuneAndJulyForTenOccurrences() throws {
        let expected = (1997...2001).flatMap { ["\($0)-06-10", "\($0)-07-10"] }
        #expect(try dates("FREQ=YEARLY;COUNT=10;BYMONTH=6,7", start: "1997-06-10") == expected)
    }

    @Test func everyOtherYearInJanuaryFebruaryAndMarch() throws {
        let expected = ["1997-03-10"] + [1999, 2001, 2003].flatMap { ["\($0)-01-10", "\($0)-02-10", "\($0)-03-10"] }
        #expect(try dates("FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3", start: "1997-03-10") == expected)
    }

    /// RFC 5545's examples: the rule, the first start, the end of the window and the dates it lists.
    @Test(arguments: [
        ("FREQ=YEARLY;BYDAY=20MO", "1997-05-19", "2000-01-01", ["1997-05-19", "1998-05-18", "1999-05-17"]),
        (
            "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", "1997-03-13", "1999-12-31",
            [
                "1997-03-13", "1997-03-20", "1997-03-27", "1998-03-05", "1998-03-12", "1998-03-19", "1998-03-26",
                "1999-03-04", "1999-03-11", "1999-03-18", "1999-03-25",
            ]
        ),
        (
            "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13", "1997-09-13", "1998-04-12",
            [
                "1997-09-13", "1997-10-11", "1997-11-08", "1997-12-13", "1998-01-10", "1998-02-07", "1998-03-07",
                "1998-04-11",
            ]
        ),
        (
            "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8", "1996-11-05", "2005-01-01",
            ["1996-11-05", "2000-11-07", "2004-11-02"]
        ),
        (
            "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", "1997-09-04", "2005-01-01",
            ["1997-09-04", "1997-10-07", "1997-11-06"]
        ),
        (
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", "1997-09-29", "1998-03-31",
            ["1997-09-29", "1997-10-30", "1997-11-27", "1997-12-30", "1998-01-29", "1998-02-26", "1998-03-30"]
        ),
        (
            "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", "1997-09-22", "2005-01-01",
            ["1997-09-22", "1997-10-20", "1997-11-17", "1997-12-22", "1998-01-19", "1998-02-16"]
        ),
        (
            "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", "1997-08-05", "2005-01-01",
            ["1997-08-05", "1997-08-10", "1997-08-19", "1997-08-24"]
        ),
        // The same with weeks from Sunday: other days share a week, so other weeks are taken.
        (
            "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "1997-08-05", "2005-01-01",
            ["1997-08-05", "1997-08-17", "1997-08-19", "1997-08-31"]
        ),
    ])
    func examplesGiveTheDatesTheRFCLists(rule: String, start: String, through: String, expected: [String]) throws {
        #expect(try dates(rule, start: start, through: through) == expected)
    }

    @Test func everyDayInJanuaryForThreeYearsEitherWay() throws {
        let yearly = try dates(
            "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA", start: "1998-01-01")
        let daily = try dates("FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", start: "1998-01-01")
        #expect(yearly.count == 93)
        #expect(yearly == daily)
        #expect(yearly.last == "2000-01-31")
    }

    @Test func outlookNthWeekdayIsBySetPosition() throws {
        // Outlook writes "second Thursday" as BYDAY=TH;BYSETPOS=2, with WKST=SU; Foundation's
        // Calendar.RecurrenceRule gets this wrong with a Monday week start (swift-foundation #1387).
        #expect(
            try dates("FREQ=MONTHLY;BYDAY=TH;BYSETPOS=2;WKST=SU", start: "2026-01-08", through: "2026-05-01")
                == ["2026-01-08", "2026-02-12", "2026-03-12", "2026-04-09"])
        #expect(
            try dates("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;WKST=MO", start: "2026-01-13", through: "2026-04-01")
                == ["2026-01-13", "2026-02-10", "2026-03-10"])
    }

    /// Rules calendars write beyond the RFC's examples: a zone's DST days, a leap day, a month's end.
    @Test(arguments: [
        (
            "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU", "2026-03-29", "2028-01-01",
            ["2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31"]
        ),
        ("FREQ=YEARLY", "2024-02-29", "2033-01-01", ["2024-02-29", "2028-02-29", "2032-02-29"]),
        ("FREQ=DAILY;BYMONTHDAY=-1", "2026-01-31", "2026-04-01", ["2026-01-31", "2026-02-28", "2026-03-31"]),
    ])
    func calendarRulesGiveTheirDates(rule: String, start: String, through: String, expected: [String]) throws {
        #expect(try dates(rule, start: start, through: through) == expected)
    }

    @Test func untilAsAWallTimeIsReadInTheMeetingsZone() throws {
        #expect(
            try dates("FREQ=DAILY;UNTIL=20260107T090000", start: "2026-01-05", through: "2026-02-01")
                == ["2026-01-05", "2026-01-06", "2026-01-07"])
        #expect(try dates("FREQ=DAILY;UNTIL=20260107T085959", start: "2026-01-05", through: "2026-02-01").count == 2)
    }
}
