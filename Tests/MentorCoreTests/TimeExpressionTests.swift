import Foundation
import MentorCore
import MentorTestSupport
import Testing

struct TimeExpressionTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let newYork = TimeZone(identifier: "America/New_York")!
    let lordHowe = TimeZone(identifier: "Australia/Lord_Howe")!
    /// 2026-11-30T10:00:00Z, a Monday.
    let now = Date(timeIntervalSince1970: 1_796_032_800)

    private func utc(_ text: String) -> String {
        RFC3339.utc(try! TimeExpression.parse(text, in: berlin, now: now))
    }

    @Test func readsOffsetsExactly() throws {
        #expect(utc("2026-12-03T15:00:00+01:00") == "2026-12-03T14:00:00.000Z")
        #expect(utc("2026-12-03T14:00Z") == "2026-12-03T14:00:00.000Z")
        #expect(utc("2026-12-03t09:00:00-0500") == "2026-12-03T14:00:00.000Z")
        #expect(utc("2026-12-03T14:00:00.250Z") == "2026-12-03T14:00:00.250Z")
        #expect(utc("2026-12-03T19:30:00+05:30") == "2026-12-03T14:00:00.000Z")
    }

    @Test func readsLocalTimesInTheZone() {
        #expect(utc("2026-12-03 15:00") == "2026-12-03T14:00:00.000Z")
        #expect(utc("2026-07-03 15:00") == "2026-07-03T13:00:00.000Z")
        #expect(utc("2026-12-03T15:00:30") == "2026-12-03T14:00:30.000Z")
        #expect(utc("  2026-12-03   15:00 ") == "2026-12-03T14:00:00.000Z")
    }

    @Test func readsRelativeTimes() {
        #expect(utc("now") == "2026-11-30T10:00:00.000Z")
        #expect(utc("in 2h") == "2026-11-30T12:00:00.000Z")
        #expect(utc("IN 1h30m") == "2026-11-30T11:30:00.000Z")
        // 11:00 in Berlin on Monday the 30th.
        #expect(utc("today 15:00") == "2026-11-30T14:00:00.000Z")
        #expect(utc("today 9:00") == "2026-11-30T08:00:00.000Z")
        #expect(utc("tomorrow 9:30") == "2026-12-01T08:30:00.000Z")
        #expect(utc("15:00") == "2026-11-30T14:00:00.000Z")
        #expect(utc("10:00") == "2026-12-01T09:00:00.000Z", "10:00 has passed today, so tomorrow")
        #expect(utc("wed 15:00") == "2026-12-02T14:00:00.000Z")
        #expect(utc("Monday 12:00") == "2026-11-30T11:00:00.000Z", "still ahead today")
        #expect(utc("mon 10:00") == "2026-12-07T09:00:00.000Z", "passed today, so next week")
    }

    @Test(arguments: [
        "2026-02-30 15:00", "2027-02-29 10:00", "2026-13-01 10:00", "2026-04-31T10:00Z", "2026-00-10 10:00",
    ])
    func refusesImpossibleDates(text: String) {
        #expect(throws: TimeExpressionError.impossibleDate(text)) {
            try TimeExpression.parse(text, in: berlin, now: now)
        }
    }

    @Test func acceptsLeapDays() throws {
        #expect(utc("2028-02-29 10:00") == "2028-02-29T09:00:00.000Z")
    }

    @Test(arguments: ["", "2026-12-03T15:00+25:00", "12 34 56", "+-"])
    func refusesWhatIsNotATime(text: String) {
        #expect(throws: TimeExpressionError.invalidSyntax(text)) {
            try TimeExpression.parse(text, in: berlin, now: now)
        }
    }

    @Test func refusesLocalTimesSkippedBySpringForward() {
        #expect(throws: TimeExpressionError.nonexistentLocalTime("2026-03-29 02:30", zone: "Europe/Berlin")) {
            try TimeExpression.parse("2026-03-29 02:30", in: berlin, now: now)
        }
        #expect(throws: TimeExpressionError.nonexistentLocalTime("2026-03-08 02:30", zone: "America/New_York")) {
            try TimeExpression.parse("2026-03-08 02:30", in: newYork, now: now)
        }
        // Lord Howe moves its clocks by 30 minutes: 02:00 -> 02:30 on 2026-10-04.
        #expect(throws: TimeExpressionError.nonexistentLocalTime("2026-10-04 02:15", zone: "Australia/Lord_Howe")) {
            try TimeExpression.parse("2026-10-04 02:15", in: lordHowe, now: now)
        }
        // An offset names the instant exactly, so it is never "skipped".
        #expect(utc("2026-03-29T02:30:00+01:00") == "2026-03-29T01:30:00.000Z")
    }

    @Test func readsTimesThatOccurTwiceAsTheFirst() throws {
        // Berlin falls back 03:00 CEST -> 02:00 CET on 2026-10-25; 02:30 CEST is 00:30Z.
        #expect(utc("2026-10-25 02:30") == "2026-10-25T00:30:00.000Z")
        // New York falls back on 2026-11-01; 01:30 EDT is 05:30Z.
        let nyc = try TimeExpression.parse("2026-11-01 01:30", in: newYork, now: now)
        #expect(RFC3339.utc(nyc) == "2026-11-01T05:30:00.000Z")
        // Lord Howe falls back 02:00 -> 01:30 on 2026-04-05; the first 01:45 is at +11:00.
        let howe = try TimeExpression.parse("2026-04-05 01:45", in: lordHowe, now: now)
        #expect(RFC3339.local(howe, in: lordHowe) == "2026-04-05T01:45:00+11:00")
    }

    @Test func refusesARelativeTimeThatFallsInAGap() throws {
        // Saturday afternoon, "02:30" means Sunday 02:30, which Berlin skips that night.
        let saturday = Date(timeIntervalSince1970: 1_774_706_400)  // 2026-03-28T14:00:00Z
        #expect(throws: TimeExpressionError.nonexistentLocalTime("02:30", zone: "Europe/Berlin")) {
            try TimeExpression.parse("02:30", in: berlin, now: saturday)
        }
        let sunday = try TimeExpression.parse("sun 03:30", in: berlin, now: saturday)
        #expect(RFC3339.local(sunday, in: berlin) == "2026-03-29T03:30:00+02:00")
    }

    /// Property: every instant, written as local time with its offset, reads back as itself.
    @Test func roundTripsRandomInstantsThroughLocalText() throws {
        var generator = SplitMix64(seed: 42)
        for zone in [berlin, newYork, lordHowe, TimeZone(identifier: "Asia/Kathmandu")!] {
            for _ in 0..<500 {
                let seconds = Double(generator.next() % 4_102_444_800)  // 1970 ... 2100
                let instant = Date(timeIntervalSince1970: seconds)
                let text = RFC3339.local(instant, in: zone)
                #expect(try TimeExpression.parse(text, in: zone, now: now) == instant, "\(text)")
            }
        }
    }

    /// Property: a local time that exists reads back to the same wall time in its zone.
    @Test func localTimesKeepTheirWallClock() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<1000 {
            let local = LocalDateTime(
                year: 2020 + Int(generator.next() % 10), month: 1 + Int(generator.next() % 12),
                day: 1 + Int(generator.next() % 28), hour: Int(generator.next() % 24),
                minute: Int(generator.next() % 60))
            guard let instant = local.instant(in: lordHowe) else { continue }
            #expect(LocalDateTime(instant, in: lordHowe) == local)
        }
    }
}
