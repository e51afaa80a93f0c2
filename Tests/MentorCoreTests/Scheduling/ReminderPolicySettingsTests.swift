import Foundation
import MentorCore
import Testing

struct ReminderPolicySettingsTests {
    @Test func appliesEveryKeyOfTheRemindersTable() throws {
        var policy = ReminderPolicy.standard
        try policy.apply(key: "purpose", value: "2d")
        try policy.apply(key: "plan", value: "off")
        try policy.apply(key: "capture_again", value: "3h")
        try policy.apply(key: "prep_hour", value: "09:30")
        try policy.apply(key: "quiet_hours", value: "22:00-07:00")
        try policy.apply(key: "working_days", value: "Mon,Wed,Fri")
        try policy.apply(key: "merge_within", value: "0")
        try policy.apply(key: "order", value: "article")
        #expect(
            policy.offsets[.purpose] == 172_800 && policy.offsets[.plan] == nil
                && policy.offsets[.captureAgain] == 10_800)
        #expect(policy.prepHourMinutes == 570 && policy.quietHours == QuietHours(startMinutes: 1320, endMinutes: 420))
        #expect(policy.workingDays == [2, 4, 6] && policy.mergeWithinSeconds == 0 && policy.order == .article)
        try policy.apply(key: "working_days", value: "Sat-Mon")
        #expect(policy.workingDays == [7, 1, 2])
        try policy.apply(key: "quiet_hours", value: "off")
        #expect(policy.quietHours == nil)
        #expect(policy.digest && policy.reviewEverySeconds == PhaseReview.defaultInterval)
        try policy.apply(key: "digest", value: "off")
        try policy.apply(key: "review_every", value: "8w")
        #expect(!policy.digest && policy.reviewEverySeconds == 8 * 7 * 86_400)
        try policy.apply(key: "review_every", value: "off")
        #expect(policy.reviewEverySeconds == nil)
    }

    @Test(arguments: [
        ("purpose", "31d"), ("plan", "0"), ("plan", "soon"), ("prep_hour", "25:00"), ("quiet_hours", "20-08"),
        ("working_days", "Funday"), ("merge_within", "2d"), ("order", "random"), ("digest", "weekly"),
        ("review_every", "12h"), ("review_every", "60w"),
    ])
    func refusesValuesOutsideTheirRange(key: String, value: String) {
        var policy = ReminderPolicy.standard
        #expect(throws: ReminderSettingError.self) { try policy.apply(key: key, value: value) }
        #expect(policy == .standard)
    }

    @Test func refusesUnknownKeys() {
        var policy = ReminderPolicy.standard
        #expect(throws: ReminderSettingError.unknownKey("purpos")) { try policy.apply(key: "purpos", value: "1d") }
    }

    @Test func readsAndWritesPerMeetingOverrides() throws {
        let overrides = try ReminderPolicy.offsetOverrides("purpose=3d, plan=off,participation=10m,captureAgain=1h")
        let expected: [Step: Int?] = [.purpose: 259_200, .plan: nil, .participation: 600, .captureAgain: 3600]
        #expect(overrides == expected)
        let text = ReminderPolicy.overridesText(overrides)
        #expect(text == "purpose=259200s,plan=off,participation=600s,capture_again=3600s")
        #expect(try ReminderPolicy.offsetOverrides(text) == overrides)
        #expect(throws: ReminderSettingError.unknownKey("lunch")) { try ReminderPolicy.offsetOverrides("lunch=1h") }
    }

    @Test func readsSnoozeTargets() throws {
        let zone = TimeZone(identifier: "Europe/Berlin")!
        let now = try TimeExpression.parse("2026-12-09 15:00", in: zone, now: Date())
        #expect(try SnoozeTarget.resolve("1h", now: now, zone: zone, policy: .standard) == now.addingTimeInterval(3600))
        #expect(
            RFC3339.local(try SnoozeTarget.resolve("evening", now: now, zone: zone, policy: .standard), in: zone)
                == "2026-12-09T20:00:00+01:00")
        #expect(
            RFC3339.local(try SnoozeTarget.resolve("tomorrow", now: now, zone: zone, policy: .standard), in: zone)
                == "2026-12-10T10:00:00+01:00")
        #expect(throws: TimeExpressionError.self) {
            try SnoozeTarget.resolve("later", now: now, zone: zone, policy: .standard)
        }
    }
}
