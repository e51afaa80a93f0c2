import Foundation
import MentorCore
import MentorTestSupport
import Testing

struct RecurrenceTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let newYork = TimeZone(identifier: "America/New_York")!
    let lordHowe = TimeZone(identifier: "Australia/Lord_Howe")!

    /// The instant of a wall time such as `2026-03-19 15:00` in `zone`.
    private func at(_ text: String, _ zone: TimeZone) -> Date {
        try! TimeExpression.parse(text, in: zone, now: Date(timeIntervalSince1970: 0))
    }

    /// The occurrences of `rule` from a start at wall time `start`, as local RFC 3339 text.
    private func expand(
        _ rule: String, start: String, in zone: TimeZone, from: String, through: String, limit: Int = 1000
    ) throws -> [String] {
        try Recurrence.parse(rule)
            .occurrences(
                startingAt: at(start, zone), in: zone, from: at(from, zone), through: at(through, zone), limit: limit
            )
            .map { RFC3339.local($0, in: zone) }
    }

    // MARK: - Parsing

    @Test(arguments: [
        ("FREQ=WEEKLY", "FREQ=WEEKLY"),
        ("rrule:freq=weekly;interval=2;byday=th,mo,mo", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH"),
        ("RRULE:FREQ=DAILY;INTERVAL=1", "FREQ=DAILY"),
        (" FREQ=DAILY ; BYDAY=MO,TU,WE,TH,FR ", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR"),
        ("FREQ=MONTHLY;BYDAY=-1FR,+2TU;COUNT=5", "FREQ=MONTHLY;BYDAY=2TU,-1FR;COUNT=5"),
        ("COUNT=10;FREQ=MONTHLY;BYMONTHDAY=-1,15,+1", "FREQ=MONTHLY;BYMONTHDAY=-1,1,15;COUNT=10"),
        ("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13"),
        ("FREQ=DAILY;UNTIL=20261231", "FREQ=DAILY;UNTIL=20261231"),
        ("FREQ=DAILY;UNTIL=20261231t235959z", "FREQ=DAILY;UNTIL=20261231T235959Z"),
        ("FREQ=WEEKLY;WKST=MO;BYDAY=FR", "FREQ=WEEKLY;BYDAY=FR"),
        ("FREQ=WEEKLY;INTERVAL=365;COUNT=10000", "FREQ=WEEKLY;INTERVAL=365;COUNT=10000"),
        ("FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10,3", "FREQ=YEARLY;BYMONTH=3,10;BYDAY=-1SU"),
        ("FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;WKST=SU", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;WKST=SU"),
        ("FREQ=WEEKLY;BYDAY=TU,TH;WKST=SU", "FREQ=WEEKLY;BYDAY=TU,TH"),
        ("FREQ=MONTHLY;BYDAY=TH;BYSETPOS=2;WKST=SU", "FREQ=MONTHLY;BYDAY=TH;BYSETPOS=2"),
        ("FREQ=YEARLY;BYDAY=20MO", "FREQ=YEARLY;BYDAY=20MO"),
        ("FREQ=DAILY;BYMONTHDAY=-1;BYMONTH=2", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=-1"),
        ("FREQ=DAILY;UNTIL=20261231T235959", "FREQ=DAILY;UNTIL=20261231T235959"),
    ])
    func readsValidRulesIntoCanonicalText(text: String, canonical: String) throws {
        let recurrence = try Recurrence.parse(text)
        #expect(recurrence.rule == canonical)
        #expect(try Recurrence.parse(recurrence.rule) == recurrence, "canonical text round-trips")
    }

    @Test func readsEachPartIntoItsField() throws {
        let monthly = try Recurrence.parse("FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU,-1FR;BYMONTHDAY=-1;COUNT=12")
        #expect(monthly.frequency == .monthly)
        #expect(monthly.interval == 3)
        #expect(monthly.byDay == [.init(weekday: .tuesday, ordinal: 2), .init(weekday: .friday, ordinal: -1)])
        #expect(monthly.byMonthDay == [-1])
        #expect(monthly.end == .count(12))
        #expect(try Recurrence.parse("FREQ=DAILY;UNTIL=20260301").end == .untilDate(year: 2026, month: 3, day: 1))
        let until = try Recurrence.parse("FREQ=DAILY;UNTIL=20260301T120000Z").end
        #expect(until == .until(Date(timeIntervalSince1970: 1_772_366_400)))
        #expect(try Recurrence.parse("FREQ=WEEKLY").end == .never)
        let local = try Recurrence.parse("FREQ=DAILY;UNTIL=20260301T120000").end
        #expect(local == .untilLocal(LocalDateTime(year: 2026, month: 3, day: 1, hour: 12, minute: 0)))
        let yearly = try Recurrence.parse("FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYSETPOS=-1;WKST=SU")
        #expect(yearly.frequency == .yearly)
        #expect(yearly.byMonth == [3])
        #expect(yearly.bySetPosition == [-1])
        #expect(yearly.weekStart == .monday, "WKST changes nothing in a yearly rule")
        #expect(try Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;WKST=SU").weekStart == .sunday)
    }

    @Test func rulesThatMeanTheSameAreEqual() throws {
        #expect(try Recurrence.parse("FREQ=WEEKLY;BYDAY=WE,MO") == Recurrence.parse("rrule:byday=mo,we;freq=weekly"))
        #expect(try Recurrence.parse("FREQ=WEEKLY;INTERVAL=1") == Recurrence.parse("FREQ=WEEKLY"))
    }

    @Test(arguments: [
        "", "RRULE:", "FREQ=WEEKLY;", "FREQ", "FREQ=", "INTERVAL=2", "FREQ=FORTNIGHTLY", "FREQ=WEEKLY;FREQ=DAILY",
        "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;BYDAY=MO,", "FREQ=WEEKLY;FOO=1", "FREQ=DAILY;INTERVAL=-1",
        "FREQ=DAILY;INTERVAL=two", "FREQ=DAILY;UNTIL=2026", "FREQ=DAILY;UNTIL=20260101T000000X",
        "FREQ=MONTHLY;BYMONTHDAY=1.5", "FREQ=MONTHLY;BYDAY=2 TU", "FREQ=WEEKLY;WKST=XY",
    ])
    func refusesTextThatIsNotARule(text: String) {
        #expect(throws: RecurrenceError.invalidRule(text)) { try Recurrence.parse(text) }
    }

    @Test(arguments: [
        ("freq=hourly", "freq=hourly"), ("FREQ=MINUTELY", "FREQ=MINUTELY"),
        ("FREQ=WEEKLY;BYHOUR=9", "BYHOUR=9"), ("FREQ=YEARLY;BYWEEKNO=20", "BYWEEKNO=20"),
        ("FREQ=YEARLY;BYYEARDAY=100", "BYYEARDAY=100"), ("FREQ=DAILY;BYMINUTE=30", "BYMINUTE=30"),
    ])
    func refusesPartsOutsideTheSubset(text: String, part: String) {
        #expect(throws: RecurrenceError.unsupported(part: part)) { try Recurrence.parse(text) }
    }

    @Test(arguments: [
        ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL=0"), ("FREQ=WEEKLY;INTERVAL=366", "INTERVAL=366"),
        ("FREQ=DAILY;INTERVAL=99999999999999999999999", "INTERVAL=99999999999999999999999"),
        ("FREQ=MONTHLY;BYDAY=6MO", "BYDAY=6MO"), ("FREQ=MONTHLY;BYDAY=TU,0MO", "BYDAY=TU,0MO"),
        ("FREQ=MONTHLY;BYDAY=-6FR", "BYDAY=-6FR"), ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY=32"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0"), ("FREQ=MONTHLY;BYMONTHDAY=-32", "BYMONTHDAY=-32"),
        ("FREQ=DAILY;COUNT=0", "COUNT=0"), ("FREQ=DAILY;count=10001", "count=10001"),
        ("FREQ=DAILY;UNTIL=20260230", "UNTIL=20260230"),
        ("FREQ=DAILY;UNTIL=20260101T250000Z", "UNTIL=20260101T250000Z"),
        ("FREQ=DAILY;UNTIL=20260101T250000", "UNTIL=20260101T250000"),
        ("FREQ=YEARLY;BYMONTH=13", "BYMONTH=13"), ("FREQ=YEARLY;BYMONTH=0", "BYMONTH=0"),
        ("FREQ=YEARLY;BYDAY=54MO", "BYDAY=54MO"), ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS=0"),
        ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-367", "BYSETPOS=-367"),
    ])
    func refusesValuesOutOfRange(text: String, part: String) {
        #expect(throws: RecurrenceError.outOfRange(part: part)) { try Recurrence.parse(text) }
    }

    @Test(arguments: [
        "FREQ=DAILY;COUNT=3;UNTIL=20261231", "FREQ=WEEKLY;BYMONTHDAY=3", "FREQ=WEEKLY;BYDAY=2TU",
        "FREQ=DAILY;BYDAY=MO,-1FR", "BYDAY=1MO;FREQ=WEEKLY", "FREQ=MONTHLY;BYSETPOS=2",
    ])
    func refusesPartsThatConflict(text: String) {
        #expect(throws: RecurrenceError.conflicting(text)) { try Recurrence.parse(text) }
    }

    @Test func namesCommonRecurrencesInWords() {
        #expect(Recurrence.named("daily")?.rule == "FREQ=DAILY")
        #expect(Recurrence.named("Weekly")?.rule == "FREQ=WEEKLY")
        #expect(Recurrence.named("fortnightly")?.rule == "FREQ=WEEKLY;INTERVAL=2")
        #expect(Recurrence.named(" monthly ")?.rule == "FREQ=MONTHLY")
        #expect(Recurrence.named("yearly") == nil)
        #expect(Recurrence.named("FREQ=DAILY") == nil)
    }

    // MARK: - Expansion across DST

    @Test func weeklyMeetingStaysAtFifteenHundredAcrossBerlinDSTChanges() throws {
        let spring = try expand(
            "FREQ=WEEKLY", start: "2026-03-19 15:00", in: berlin, from: "2026-03-01 00:00",
            through: "2026-04-05 00:00")
        #expect(spring == ["2026-03-19T15:00:00+01:00", "2026-03-26T15:00:00+01:00", "2026-04-02T15:00:00+02:00"])
        let autumn = try expand(
            "FREQ=WEEKLY", start: "2026-03-19 15:00", in: berlin, from: "2026-10-20 00:00",
            through: "2026-11-01 00:00")
        #expect(autumn == ["2026-10-22T15:00:00+02:00", "2026-10-29T15:00:00+01:00"])
    }

    @Test func weeklyMeetingKeepsItsWallTimeInNewYork() throws {
        // New York springs forward on 2026-03-08 and falls back on 2026-11-01.
        let spring = try expand(
            "FREQ=WEEKLY", start: "2026-03-05 09:30", in: newYork, from: "2026-03-01 00:00",
            through: "2026-03-13 00:00")
        #expect(spring == ["2026-03-05T09:30:00-05:00", "2026-03-12T09:30:00-04:00"])
        let autumn = try expand(
            "FREQ=WEEKLY", start: "2026-03-05 09:30", in: newYork, from: "2026-10-25 00:00",
            through: "2026-11-06 00:00")
        #expect(autumn == ["2026-10-29T09:30:00-04:00", "2026-11-05T09:30:00-05:00"])
    }

    @Test func weeklyMeetingKeepsItsWallTimeOnLordHoweHalfHourDST() throws {
        // Lord Howe goes from +11:00 to +10:30 on 2026-04-05 and back on 2026-10-04.
        let autumn = try expand(
            "FREQ=WEEKLY", start: "2026-03-26 10:00", in: lordHowe, from: "2026-03-26 00:00",
            through: "2026-04-10 00:00")
        #expect(autumn == ["2026-03-26T10:00:00+11:00", "2026-04-02T10:00:00+11:00", "2026-04-09T10:00:00+10:30"])
        let spring = try expand(
            "FREQ=WEEKLY", start: "2026-03-26 10:00", in: lordHowe, from: "2026-09-28 00:00",
            through: "2026-10-10 00:00")
        #expect(spring == ["2026-10-01T10:00:00+10:30", "2026-10-08T10:00:00+11:00"])
    }

    @Test func wallTimeSkippedBySpringForwardMovesOnByTheGap() throws {
        let berlinDays = try expand(
            "FREQ=DAILY", start: "2026-03-27 02:30", in: berlin, from: "2026-03-27 00:00",
            through: "2026-03-31 00:00")
        #expect(
            berlinDays == [
                "2026-03-27T02:30:00+01:00", "2026-03-28T02:30:00+01:00", "2026-03-29T03:30:00+02:00",
                "2026-03-30T02:30:00+02:00",
            ])
        // Lord Howe's gap is 30 minutes: 02:00 -> 02:30 on 2026-10-04.
        let howeDays = try expand(
            "FREQ=DAILY", start: "2026-10-03 02:15", in: lordHowe, from: "2026-10-03 00:00",
            through: "2026-10-05 12:00")
        #expect(howeDays == ["2026-10-03T02:15:00+10:30", "2026-10-04T02:45:00+11:00", "2026-10-05T02:15:00+11:00"])
    }

    @Test func wallTimeThatOccursTwiceMeansTheFirst() throws {
        let days = try expand(
            "FREQ=DAILY", start: "2026-10-24 02:30", in: berlin, from: "2026-10-24 00:00",
            through: "2026-10-26 12:00")
        #expect(days == ["2026-10-24T02:30:00+02:00", "2026-10-25T02:30:00+02:00", "2026-10-26T02:30:00+01:00"])
    }

    // MARK: - Frequencies

    @Test func fortnightlyMeetsEverySecondWeek() throws {
        let fortnightly = try #require(Recurrence.named("fortnightly"))
        let dates = fortnightly.occurrences(
            startingAt: at("2026-01-07 10:00", berlin), in: berlin, from: at("2026-01-01 00:00", berlin),
            through: at("2026-03-01 00:00", berlin)
        ).map { RFC3339.local($0, in: berlin) }
        #expect(
            dates == [
                "2026-01-07T10:00:00+01:00", "2026-01-21T10:00:00+01:00", "2026-02-04T10:00:00+01:00",
                "2026-02-18T10:00:00+01:00",
            ])
    }

    @Test func weeklyByDayMeetsOnEachListedDayOfEveryOtherWeek() throws {
        // Weeks start on Monday: the start's week is week 0, whatever weekday the start is.
        let dates = try expand(
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH", start: "2026-01-07 10:00", in: berlin,
            from: "2026-01-01 00:00", through: "2026-01-31 00:00")
        #expect(
            dates == [
                "2026-01-07T10:00:00+01:00", "2026-01-08T10:00:00+01:00", "2026-01-19T10:00:00+01:00",
                "2026-01-22T10:00:00+01:00",
            ])
    }

    @Test func dailyByDayMeetsOnWorkingDaysOnly() throws {
        let dates = try expand(
            "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", start: "2026-01-08 09:00", in: berlin,
            from: "2026-01-01 00:00", through: "2026-01-14 00:00")
        #expect(dates.map { String($0.prefix(10)) } == ["2026-01-08", "2026-01-09", "2026-01-12", "2026-01-13"])
    }

    @Test(arguments: [
        (
            "FREQ=MONTHLY;BYDAY=2TU", "2026-01-13",
            ["2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14", "2026-05-12"]
        ),
        (
            "FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30",
            ["2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29"]
        ),
        ("FREQ=MONTHLY;BYDAY=5WE", "2025-12-31", ["2025-12-31", "2026-04-29"]),
        ("FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31", ["2026-01-31", "2026-03-31", "2026-05-31"]),
        ("FREQ=MONTHLY", "2026-01-31", ["2026-01-31", "2026-03-31", "2026-05-31"]),
        ("FREQ=MONTHLY", "2026-01-15", ["2026-01-15", "2026-02-15", "2026-03-15", "2026-04-15", "2026-05-15"]),
        (
            "FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-31",
            ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31"]
        ),
        (
            "FREQ=MONTHLY;BYMONTHDAY=1,-1", "2026-01-31",
            [
                "2026-01-31", "2026-02-01", "2026-02-28", "2026-03-01", "2026-03-31", "2026-04-01", "2026-04-30",
                "2026-05-01", "2026-05-31",
            ]
        ),
        ("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=30", "2025-12-30", ["2025-12-30", "2026-04-30"]),
        ("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13", "2026-02-13", ["2026-02-13", "2026-03-13"]),
    ])
    func monthlyRulesPickTheRightDays(rule: String, start: String, days: [String]) throws {
        let dates = try expand(
            rule, start: start + " 18:00", in: berlin, from: "2025-12-01 00:00",
            through: "2026-06-01 00:00")
        #expect(dates.map { String($0.prefix(10)) } == days)
        #expect(dates.allSatisfy { $0.dropFirst(11).hasPrefix("18:00:00") })
    }

    // MARK: - Ends and windows

    @Test func countIncludesTheStartAndOccurrencesBeforeTheWindow() throws {
        let all = try expand(
            "FREQ=WEEKLY;COUNT=3", start: "2026-01-05 09:00", in: berlin, from: "2026-01-01 00:00",
            through: "2026-12-31 00:00")
        #expect(all.map { String($0.prefix(10)) } == ["2026-01-05", "2026-01-12", "2026-01-19"])
        let later = try expand(
            "FREQ=WEEKLY;COUNT=5", start: "2026-01-05 09:00", in: berlin, from: "2026-01-20 00:00",
            through: "2026-12-31 00:00")
        #expect(later.map { String($0.prefix(10)) } == ["2026-01-26", "2026-02-02"])
    }

    @Test func startCountsAsTheFirstOccurrenceEvenWhenTheRuleWouldSkipIt() throws {
        // 2026-01-07 is a Wednesday; RFC 5545 counts DTSTART all the same.
        let dates = try expand(
            "FREQ=WEEKLY;BYDAY=MO;COUNT=3", start: "2026-01-07 09:00", in: berlin,
            from: "2026-01-01 00:00", through: "2026-12-31 00:00")
        #expect(dates.map { String($0.prefix(10)) } == ["2026-01-07", "2026-01-12", "2026-01-19"])
    }

    @Test func untilIsInclusive() throws {
        // 09:00 in Berlin in January is 08:00Z: UNTIL on that very second keeps the last occurrence.
        let instant = try expand(
            "FREQ=DAILY;UNTIL=20260108T080000Z", start: "2026-01-05 09:00", in: berlin,
            from: "2026-01-01 00:00", through: "2026-12-31 00:00")
        #expect(instant.map { String($0.prefix(10)) } == ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"])
        let justBefore = try expand(
            "FREQ=DAILY;UNTIL=20260108T075959Z", start: "2026-01-05 09:00", in: berlin,
            from: "2026-01-01 00:00", through: "2026-12-31 00:00")
        #expect(justBefore.count == 3)
        // A date UNTIL covers that whole local day, late evening included.
        let date = try expand(
            "FREQ=DAILY;UNTIL=20260108", start: "2026-01-05 23:30", in: berlin,
            from: "2026-01-01 00:00", through: "2026-12-31 00:00")
        #expect(date.last == "2026-01-08T23:30:00+01:00")
        #expect(date.count == 4)
    }

    @Test func windowBoundsAreInclusiveAndLimitCaps() throws {
        let edges = try expand(
            "FREQ=DAILY", start: "2026-01-01 09:00", in: berlin, from: "2026-01-03 09:00",
            through: "2026-01-05 09:00")
        #expect(edges.map { String($0.prefix(10)) } == ["2026-01-03", "2026-01-04", "2026-01-05"])
        let capped = try expand(
            "FREQ=DAILY", start: "2026-01-01 09:00", in: berlin, from: "2026-01-01 00:00",
            through: "2026-12-31 00:00", limit: 2)
        #expect(capped.map { String($0.prefix(10)) } == ["2026-01-01", "2026-01-02"])
        #expect(
            try expand(
                "FREQ=DAILY", start: "2026-01-01 09:00", in: berlin, from: "2026-02-01 00:00",
                through: "2026-01-01 00:00"
            ).isEmpty)
        #expect(
            try expand(
                "FREQ=DAILY", start: "2026-01-01 09:00", in: berlin, from: "2025-01-01 00:00",
                through: "2025-12-31 00:00"
            ).isEmpty)
    }

    @Test func windowYearsAfterTheStartGivesTheRightDatesWithoutWalkingThere() throws {
        let dates = try expand(
            "FREQ=DAILY", start: "2020-01-01 09:00", in: berlin, from: "2026-06-01 00:00",
            through: "2026-06-03 23:59")
        #expect(dates == ["2026-06-01T09:00:00+02:00", "2026-06-02T09:00:00+02:00", "2026-06-03T09:00:00+02:00"])
        let weekly = try expand(
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU", start: "2020-01-07 09:00", in: berlin,
            from: "2026-06-01 00:00", through: "2026-07-08 00:00")
        #expect(weekly.map { String($0.prefix(10)) } == ["2026-06-16", "2026-07-07"])
        // Far windows come out right too (the expansion jumps there; its speed is a benchmark's job).
        let daily = try Recurrence.parse("FREQ=DAILY")
        for year in 9000..<9010 {
            let window = daily.occurrences(
                startingAt: at("2020-01-01 09:00", berlin), in: berlin, from: at("\(year)-06-01 00:00", berlin),
                through: at("\(year)-06-08 00:00", berlin))
            #expect(window.count == 7)
        }
    }

    @Test func countedSeriesFarFromItsStartIsCountedFromTheStart() throws {
        // 2020-01-01 + 9999 days is 2047-05-18, the 10,000th occurrence.
        let dates = try expand(
            "FREQ=DAILY;COUNT=10000", start: "2020-01-01 09:00", in: berlin,
            from: "2047-05-15 00:00", through: "2047-06-30 00:00")
        #expect(dates.map { String($0.prefix(10)) } == ["2047-05-15", "2047-05-16", "2047-05-17", "2047-05-18"])
    }

    // MARK: - Properties

    /// Property: for random rules, zones and windows, occurrences ascend strictly, stay in the window,
    /// keep the start's wall time except where the clock skipped it, and a window agrees with the same
    /// span cut out of the whole series.
    @Test func randomSeriesAscendInTheWindowAtTheStartsWallTime() throws {
        var generator = SplitMix64(seed: 5545)
        func pick<T>(_ options: [T]) -> T { options[Int(generator.next() % UInt64(options.count))] }
        let zones =
            [berlin, newYork, lordHowe]
            + ["America/Santiago", "Asia/Kathmandu", "America/Sao_Paulo", "Europe/London", "UTC"].map {
                TimeZone(identifier: $0)!
            }
        let weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        var movedOnGapDays = 0
        for _ in 0..<300 {
            let frequency = pick(["DAILY", "WEEKLY", "MONTHLY"])
            var parts = ["FREQ=\(frequency)", "INTERVAL=\(pick([1, 1, 2, 3, 5]))"]
            switch (frequency, generator.next() % 3) {
            case ("MONTHLY", 0): parts.append("BYDAY=\(pick(["1", "2", "-1", "5", ""]))\(pick(weekdays))")
            case ("MONTHLY", 1): parts.append("BYMONTHDAY=\(pick([1, 15, 29, 30, 31, -1, -3]))")
            case (_, 0): parts.append("BYDAY=\(pick(weekdays)),\(pick(weekdays))")
            default: break
            }
            if generator.next() % 4 == 0 { parts.append("COUNT=\(1 + generator.next() % 300)") }
            let recurrence = try Recurrence.parse(parts.joined(separator: ";"))
            let zone = pick(zones)
            // Half the starts in the small hours, where DST changes put their gaps.
            let wallTime = LocalDateTime(
                year: 2000 + Int(generator.next() % 33), month: 1 + Int(generator.next() % 12),
                day: 1 + Int(generator.next() % 28),
                hour: generator.next() % 2 == 0 ? Int(generator.next() % 3) : Int(generator.next() % 24),
                minute: Int(generator.next() % 60))
            guard let first = wallTime.instant(in: zone) else { continue }
            let from = first.addingTimeInterval(Double(generator.next() % 400_000_000) - 50_000_000)
            let through = from.addingTimeInterval(Double(generator.next() % 60_000_000))
            let window = recurrence.occurrences(startingAt: first, in: zone, from: from, through: through, limit: 200)
            let context = "\(recurrence.rule) from \(RFC3339.local(first, in: zone)) in \(zone.identifier)"

            #expect(zip(window, window.dropFirst()).allSatisfy { $0 < $1 }, "ascending: \(context)")
            #expect(window.allSatisfy { from <= $0 && $0 <= through }, "in the window: \(context)")
            for instant in window {
                let seen = LocalDateTime(instant, in: zone)
                guard (seen.hour, seen.minute, seen.second) != (wallTime.hour, wallTime.minute, wallTime.second) else {
                    continue
                }
                let skipped = LocalDateTime(
                    year: seen.year, month: seen.month, day: seen.day, hour: wallTime.hour,
                    minute: wallTime.minute, second: wallTime.second)
                #expect(skipped.instant(in: zone) == nil, "wall time moved only on a gap day: \(context)")
                movedOnGapDays += 1
            }
            let whole = recurrence.occurrences(
                startingAt: first, in: zone, from: first, through: through, limit: .max)
            let cut = Array(whole.filter { $0 >= from }.prefix(200))
            #expect(window == cut, "window agrees with the whole series: \(context)")
        }
        #expect(movedOnGapDays > 0, "the samples reach the DST gap rule")
    }
}
