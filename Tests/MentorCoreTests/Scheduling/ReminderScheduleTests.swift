import Foundation
import MentorCore
import MentorTestSupport
import Testing

struct ReminderScheduleTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    private func at(_ text: String, _ zone: TimeZone? = nil) -> Date {
        try! TimeExpression.parse(text, in: zone ?? berlin, now: Date(timeIntervalSince1970: 0))
    }

    private func local(_ times: [Step: Date], _ zone: TimeZone? = nil) -> [Step: String] {
        times.mapValues { RFC3339.local($0, in: zone ?? berlin) }
    }

    @Test func placesTheDefaultStepsAroundAWednesdayAfternoonMeeting() {
        let start = at("2026-12-09 15:00")  // a Wednesday
        let times = ReminderSchedule.times(
            start: start, end: start.addingTimeInterval(2700), zone: berlin, policy: .standard)
        #expect(
            local(times) == [
                .purpose: "2026-12-04T10:00:00+01:00",  // 3 days before is Sunday: back to Friday
                .preparation: "2026-12-08T10:00:00+01:00",
                .plan: "2026-12-09T13:00:00+01:00",
                .participation: "2026-12-09T14:45:00+01:00",
                .capture: "2026-12-09T16:00:00+01:00",
                .captureAgain: "2026-12-09T17:45:00+01:00",
            ])
    }

    @Test func keepsThePrepHourLocalAcrossADSTChange() {
        // Preparation lands on Saturday 2026-03-28 (CET), the meeting is on Monday 03-30 (CEST).
        var policy = ReminderPolicy.standard
        policy.workingDays = Set(1...7)
        let start = at("2026-03-30 09:00")
        let times = ReminderSchedule.times(
            start: start, end: start.addingTimeInterval(3600), zone: berlin, policy: policy)
        #expect(local(times)[.purpose] == "2026-03-27T10:00:00+01:00")
        #expect(local(times)[.preparation] == "2026-03-29T10:00:00+02:00")
    }

    @Test func movesRemindersToTheEndOfQuietHoursWhenThatIsBeforeTheStart() {
        // A 09:00 meeting: Plan (07:00) falls in 20:00-08:00, so it comes at 08:00 that morning.
        let start = at("2026-12-09 09:00")
        let times = ReminderSchedule.times(
            start: start, end: start.addingTimeInterval(3600), zone: berlin, policy: .standard)
        #expect(local(times)[.plan] == "2026-12-09T08:00:00+01:00")
        #expect(local(times)[.participation] == "2026-12-09T08:45:00+01:00")
        for (step, time) in times where !step.isAfterMeeting { #expect(time < start) }
    }

    @Test func agreesWithWorkingDaysForAMondayMorningMeeting() {
        // Monday 09:30: Purpose and Preparation skip the weekend back to Friday; Plan (07:30, quiet)
        // must not land on Sunday evening either.
        let start = at("2026-12-07 09:30")
        let times = ReminderSchedule.times(
            start: start, end: start.addingTimeInterval(3600), zone: berlin, policy: .standard)
        #expect(local(times)[.purpose] == "2026-12-04T10:00:00+01:00")
        #expect(local(times)[.preparation] == "2026-12-04T10:00:00+01:00")
        #expect(local(times)[.plan] == "2026-12-07T08:00:00+01:00")
    }

    @Test func readsThePrepHourAndQuietHoursInTheUsersZoneNotTheMeetings() {
        // A meeting at 09:00 in Los Angeles is 18:00 in Berlin, where the user is.
        let losAngeles = TimeZone(identifier: "America/Los_Angeles")!
        let start = at("2026-12-09 09:00", losAngeles)
        let times = ReminderSchedule.times(
            start: start, end: start.addingTimeInterval(3600), zone: berlin, policy: .standard)
        #expect(local(times)[.preparation] == "2026-12-08T10:00:00+01:00", "10:00 Berlin, not 01:00")
        #expect(local(times)[.plan] == "2026-12-09T16:00:00+01:00")
    }

    @Test func leavesCuesAloneWhenTheMeetingItselfIsInQuietHours() {
        let start = at("2026-12-09 06:30")
        let times = ReminderSchedule.times(
            start: start, end: start.addingTimeInterval(3600), zone: berlin, policy: .standard)
        #expect(local(times)[.participation] == "2026-12-09T06:15:00+01:00")
        #expect(local(times)[.plan] == "2026-12-09T04:30:00+01:00")
    }

    @Test func neverMovesCaptureNudges() {
        let start = at("2026-12-09 19:30")
        let times = ReminderSchedule.times(
            start: start, end: start.addingTimeInterval(3600), zone: berlin, policy: .standard)
        #expect(local(times)[.capture] == "2026-12-09T20:45:00+01:00")
        #expect(local(times)[.captureAgain] == "2026-12-09T22:30:00+01:00")
    }

    @Test func putsParticipationBeforePlanInTheArticlesOrder() {
        var policy = ReminderPolicy.standard
        policy.order = .article
        let start = at("2026-12-09 15:00")
        let times = ReminderSchedule.times(
            start: start, end: start.addingTimeInterval(3600), zone: berlin, policy: policy)
        #expect(local(times)[.participation] == "2026-12-09T13:00:00+01:00")
        #expect(local(times)[.plan] == "2026-12-09T14:45:00+01:00")
    }

    @Test func leavesOutStepsThatAreOffAndHonoursOverrides() {
        let policy = ReminderPolicy.standard.overriding([.plan: nil, .purpose: 30, .capture: nil])
        let start = at("2026-12-09 15:00")
        let times = ReminderSchedule.times(
            start: start, end: start.addingTimeInterval(3600), zone: berlin, policy: policy)
        #expect(times[.plan] == nil && times[.capture] == nil)
        #expect(times[.purpose] == start.addingTimeInterval(-30))
    }

    /// Property: whatever the policy and start, no pre-meeting step is after the start.
    @Test func neverSchedulesAPreMeetingStepAfterTheStart() {
        var generator = SplitMix64(seed: 11)
        for _ in 0..<500 {
            var policy = ReminderPolicy.standard
            for step in Step.allCases { policy.offsets[step] = 1 + Int(generator.next() % (30 * 86_400)) }
            policy.prepHourMinutes = Int(generator.next() % 1440)
            policy.quietHours = QuietHours(
                startMinutes: Int(generator.next() % 1440), endMinutes: Int(generator.next() % 1440))
            let start = Date(timeIntervalSince1970: 1_780_000_000 + Double(generator.next() % 40_000_000))
            let times = ReminderSchedule.times(
                start: start, end: start.addingTimeInterval(600), zone: berlin, policy: policy)
            for (step, time) in times {
                if step.isAfterMeeting { #expect(time > start) } else { #expect(time <= start, "\(step) \(policy)") }
            }
        }
    }
}
