import Foundation
import MentorCore
import MentorProtocol
import MentorStore
import MentorTestSupport
import Testing

/// What the engine does when time does not run smoothly: the daemon down or the machine asleep across
/// due reminders, the clock set forward or back, meetings far beyond the planning window.
struct DowntimeTests {
    let noon = InProcessDaemon.tuesdayNoon
    let fourSteps = "purpose=3d,preparation=1d,plan=2h,participation=15m,capture=15m,capture_again=2h"

    @Test func sendsADigestAfterDowntimeAndRecordsMissedOnes() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try await InProcessDaemon(now: noon, in: directory)
        let ahead = try await first.add(
            in: 6, offsets: "purpose=3s,preparation=2s,plan=off,participation=off,capture=off,capture_again=off",
            title: "Ahead")
        let later = try await first.add(
            in: 30, offsets: "purpose=27s,preparation=26s,plan=off,participation=off,capture=off,capture_again=off",
            title: "Later")
        try await first.stop()
        // Down for 7 s: "Ahead" has started, "Later" is 23 s ahead with both steps due.
        let second = try await InProcessDaemon(now: noon.addingTimeInterval(7), in: directory)
        #expect(
            try await second.states(of: later, at: noon.addingTimeInterval(30)) == [
                .purpose: "delivered", .preparation: "delivered",
            ])
        #expect(
            try await second.states(of: ahead, at: noon.addingTimeInterval(6)) == [
                .purpose: "missed", .preparation: "missed",
            ])
        try await second.stop()
    }

    @Test func sendsOneLateCardWhenTheMachineWakesPastSteps() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let start = noon.addingTimeInterval(10 * 86_400)
        try await daemon.add(in: 10 * 86_400, offsets: fourSteps, duration: "1h")
        // Asleep until 90 minutes before the start: Purpose, Preparation and Plan passed meanwhile.
        try await daemon.jump(to: start.addingTimeInterval(-90 * 60))
        let card = try #require(await watcher.cards(count: 1).first)
        #expect(card.steps == [.purpose, .preparation, .plan] && card.late)
        #expect(try await daemon.call(GetNextReminder.self, NoParameters()).reminder?.steps == [.participation])
        try await daemon.stop()
    }

    @Test func recordsMissedStepsWhenWakingAfterTheStart() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let start = noon.addingTimeInterval(10 * 86_400)
        let id = try await daemon.add(in: 10 * 86_400, offsets: fourSteps, duration: "1h")
        // Asleep across the start; awake 20 minutes into the meeting: nothing before it is sent, and
        // the capture nudge is still ahead.
        try await daemon.jump(to: start.addingTimeInterval(20 * 60))
        #expect(try await daemon.call(GetNextReminder.self, NoParameters()).reminder?.steps == [.capture])
        let states = try await daemon.states(of: id, at: start)
        #expect(states == [.purpose: "missed", .preparation: "missed", .plan: "missed", .participation: "missed"])
        try await daemon.stop()
    }

    @Test func followsTheClockWhenItIsSetForwardOrBack() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let start = noon.addingTimeInterval(10 * 86_400)
        try await daemon.add(in: 10 * 86_400, offsets: fourSteps, duration: "1h")
        try await daemon.step(to: start.addingTimeInterval(-90 * 60))
        #expect(await watcher.cards(count: 1).first?.steps == [.purpose, .preparation, .plan])
        // Back by a week: what was delivered stays delivered, nothing fires again.
        try await daemon.step(to: start.addingTimeInterval(-7 * 86_400))
        #expect(try await daemon.call(GetNextReminder.self, NoParameters()).reminder?.steps == [.participation])
        #expect(daemon.timer.deadline == start.addingTimeInterval(-15 * 60))
        try await daemon.stop()
    }

    /// A meeting 50 days ahead has no step inside the planning window yet: the engine still wakes
    /// when it comes into the window, so a daemon that runs for weeks reminds.
    @Test func wakesForAMeetingBeyondThePlanningWindowWhenItEntersIt() async throws {
        let daemon = try await InProcessDaemon(now: noon)
        defer { daemon.remove() }
        let far = noon.addingTimeInterval(50 * 86_400)
        try await daemon.add(in: 50 * 86_400, offsets: fourSteps, title: "Far", duration: "1h")
        #expect(daemon.timer.deadline == far.addingTimeInterval(-ReminderScheduler.planningWindow))
        try await daemon.advance(to: far.addingTimeInterval(-ReminderScheduler.planningWindow))
        #expect(try await daemon.call(GetNextReminder.self, NoParameters()).reminder?.steps == [.purpose])
        try await daemon.stop()
    }

    /// Meetings stored beyond the planning window are not read at start-up; the engine wakes when the
    /// first comes into the window, plans it, and waits for the next.
    @Test func plansStoredMeetingsBeyondTheWindowAsTheyComeNear() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = noon.addingTimeInterval(50 * 86_400)
        let second = noon.addingTimeInterval(80 * 86_400)
        let before = try await InProcessDaemon(now: noon, in: directory)
        try await before.add(in: 50 * 86_400, offsets: fourSteps, title: "First", duration: "1h")
        try await before.add(in: 80 * 86_400, offsets: fourSteps, title: "Second", duration: "1h")
        try await before.stop()
        let daemon = try await InProcessDaemon(now: noon, in: directory)
        #expect(try await daemon.call(GetNextReminder.self, NoParameters()).reminder == nil)
        #expect(daemon.timer.deadline == first.addingTimeInterval(-ReminderScheduler.planningWindow))
        try await daemon.advance(to: first.addingTimeInterval(-ReminderScheduler.planningWindow))
        #expect(try await daemon.call(GetNextReminder.self, NoParameters()).reminder?.title == "First")
        try await daemon.advance(to: second.addingTimeInterval(-ReminderScheduler.planningWindow))
        let upcoming = try await daemon.call(ListUpcoming.self, .init(days: 366))
        #expect(upcoming.occurrences.map(\.title) == ["First", "Second"])
        try await daemon.stop()
    }
}
