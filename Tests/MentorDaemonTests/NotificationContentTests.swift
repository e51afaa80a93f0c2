import Foundation
import MentorCore
import MentorProtocol
import SystemdKit
import Testing

@testable import MentorDaemon

struct NotificationContentTests {
    private let reminder = OutgoingCard(
        kind: .meeting(id: 7, occurrence: Date(timeIntervalSince1970: 1_796_306_400)), steps: [.purpose, .preparation],
        dueAt: Date(timeIntervalSince1970: 1_796_029_200),
        reminder: Wire.Reminder(
            kind: .meeting, meetingId: 7, occurrence: "2026-12-03T14:00:00.000Z", title: "Chat",
            partner: "Sam <sam@example.org>", role: .mentee, steps: [.purpose, .preparation],
            dueAt: "2026-11-30T09:00:00.000Z", localDueAt: "2026-11-30T10:00:00+01:00",
            localStart: "2026-12-03T15:00:00+01:00", timeZone: "Europe/Berlin", minutesToStart: 4560, late: true,
            prompts: [
                .init(step: .purpose, prompts: ["Is <this> goal & that one right?", "two", "three", "four"]),
                .init(step: .preparation, prompts: ["Read the notes"]),
            ]))

    @Test func escapesUserTextWhenTheServerTakesMarkup() {
        let notification = NotificationContent.notification(
            for: reminder, capabilities: ["actions", "body-markup"], replacing: 3, canOpen: false)
        #expect(notification.summary == "Purpose + Preparation: Chat with Sam <sam@example.org>")
        #expect(notification.body.contains("• Is &lt;this&gt; goal &amp; that one right?"))
        #expect(notification.body.contains("<b>Purpose</b>") && notification.body.contains("(sent late)"))
        #expect(notification.replacesID == 3 && notification.urgency == .normal)
        #expect(notification.actions.map(\.key) == ["snooze", "done"])
    }

    @Test func writesPlainTextOtherwiseAndShowsAtMostThreePromptsPerStep() {
        let notification = NotificationContent.notification(
            for: reminder, capabilities: ["body"], replacing: 0, canOpen: true)
        #expect(notification.body.contains("• Is <this> goal & that one right?"))
        #expect(notification.body.contains("Purpose:") && !notification.body.contains("four"))
        #expect(notification.actions.isEmpty)
    }

    /// For screen sharing and lock screens: the step, the partner and the time, nothing else.
    @Test func showsOnlyTheHeadlineWhenPrivacyAsksForIt() {
        let notification = NotificationContent.notification(
            for: reminder, capabilities: ["actions", "body-markup"], replacing: 0, canOpen: true, privacy: .headline)
        #expect(notification.summary == "Purpose + Preparation: Sam <sam@example.org> in 3d 4h")
        #expect(notification.body.isEmpty && !notification.summary.contains("Chat"))
        #expect(notification.actions.map(\.key) == ["default", "snooze", "done"], "the buttons reveal nothing")
        var commitment = reminder
        commitment.reminder.kind = .commitment
        commitment.reminder.notes = ["Due today, promised to Sam: the salary talk."]
        let due = NotificationContent.notification(
            for: commitment, capabilities: ["body"], replacing: 0, canOpen: false, privacy: .headline)
        #expect(due.summary == "Commitment due (Sam <sam@example.org>)" && due.body.isEmpty)
    }

    @Test func showsEveryQuestionOfACardWithOneStep() {
        var single = reminder
        single.reminder.steps = [.purpose]
        single.reminder.prompts = [.init(step: .purpose, prompts: ["one", "two", "three", "four", "five"])]
        let notification = NotificationContent.notification(
            for: single, capabilities: ["body"], replacing: 0, canOpen: false)
        #expect(notification.body.contains("• five"))
    }

    @Test func asksForMoreAttentionRightBeforeAndAfterTheMeeting() {
        #expect(NotificationContent.urgency(of: [.participation]) == .critical)
        #expect(NotificationContent.urgency(of: [.captureAgain]) == .critical)
        #expect(NotificationContent.urgency(of: [.purpose, .plan]) == .normal)
    }

    @Test func hookVariablesCarryTheReminderAsData() {
        var risky = reminder
        risky.reminder.title = "$(touch /tmp/pwned); rm -rf ~ `id`"
        let variables = HookEnvironment.variables(for: risky)
        #expect(variables["MENTORD_TITLE"] == risky.reminder.title)
        #expect(variables["MENTORD_STEP"] == "purpose,preparation")
        #expect(variables["MENTORD_MINUTES_LEFT"] == "4560" && variables["MENTORD_LATE"] == "1")
        #expect(variables["MENTORD_PROMPTS"]?.split(separator: "\n").count == 5)
    }
}
