import MentorExport
import MentorProtocol
import Testing

/// The review's dated lines are on the user's calendar, not UTC's.
struct ReviewTextTests {
    let berlin = UserZone(name: "Europe/Berlin", rule: PosixZoneRule("CET-1CEST,M3.5.0,M10.5.0/3")!)

    /// 23:30 UTC on 3 December is already 4 December in Berlin: a line near midnight must not
    /// name the day before.
    @Test func progressNearMidnightIsDatedByTheUsersDay() {
        let entry = Wire.GoalProgress(
            goalId: 1, note: "Led the first half", rating: 4, meetingId: 2, occurrence: "2026-12-03T23:30:00.000Z",
            notedAt: "2026-12-04T00:10:00.000Z")
        #expect(ReviewText.progress(entry, in: berlin) == "2026-12-04  4/5  Led the first half")
        #expect(ReviewText.progress(entry, in: .utc) == "2026-12-03  4/5  Led the first half")
    }

    @Test func aDayThatIsNotAnInstantIsKeptAsWritten() {
        #expect(HouseTime.day("2026-12-03", in: berlin) == "2026-12-03")
        #expect(HouseTime.day("2026-06-30T22:00:00Z", in: berlin) == "2026-07-01")
    }
}
