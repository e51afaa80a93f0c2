import Foundation
import MentorCore
import MentorProtocol
import MentorTestSupport
import Testing

/// Snoozing never loses a reminder: the steps of a merged card, in any order, one snoozed before it
/// was shown, snoozes ending close together; and capture never comes before the meeting ends.
struct SnoozeTests {
    let noon = InProcessDaemon.tuesdayNoon
    /// One merged card: Purpose, Preparation and Plan lie within ten minutes of each other.
    let merging = "purpose=30m,preparation=25m,plan=22m,participation=5m,capture=off,capture_again=off"

    private func daemon() async throws -> InProcessDaemon {
        var configuration = InProcessDaemon.secondsConfiguration
        configuration.reminders.mergeWithinSeconds = 600
        return try await InProcessDaemon(now: noon, configuration: configuration)
    }

    @Test(arguments: [[Wire.Step.purpose, .plan], [.plan, .purpose], [.preparation, .purpose, .plan]])
    func bringsBackEveryStepOfAMergedCardSnoozedOneByOne(_ order: [Wire.Step]) async throws {
        let daemon = try await daemon()
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let id = try await daemon.add(in: 3600, offsets: merging, duration: "30m")
        try await daemon.advance(to: noon.addingTimeInterval(30 * 60))
        #expect(await watcher.cards(count: 1).first?.steps == [.purpose, .preparation, .plan])
        for (index, step) in order.enumerated() {
            _ = try await daemon.call(SnoozeReminder.self, .init(meetingId: id, steps: [step], until: "\(5 + index)m"))
        }
        try await daemon.advance(to: noon.addingTimeInterval(3600 + 1800))
        let back = try await daemon.cards(of: watcher).dropFirst().filter { $0.steps != [.participation] }
        #expect(Set(back.flatMap(\.steps)) == Set(order), "every snoozed step came back: \(back.map(\.steps))")
        #expect(back.allSatisfy { Date(wire: $0.dueAt)! < noon.addingTimeInterval(3600) }, "before the start")
        #expect(
            try await daemon.cards(of: watcher).contains { $0.steps == [.participation] }, "and the last cue still came"
        )
        let states = try await daemon.states(of: id, at: noon.addingTimeInterval(3600))
        #expect(!states.values.contains("snoozed"), "\(states)")
        try await daemon.stop()
    }

    /// The desktop's "Snooze 1 h" snoozes the card: its steps come back together, as one card.
    @Test func bringsAWholeCardBackAsOneCard() async throws {
        let daemon = try await daemon()
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let id = try await daemon.add(in: 3 * 3600, offsets: merging, duration: "30m")
        try await daemon.advance(to: noon.addingTimeInterval(2.5 * 3600))
        let card = try #require(await watcher.cards(count: 1).first)
        let reply = try await daemon.call(SnoozeReminder.self, .init(meetingId: id, steps: card.steps, until: "10m"))
        #expect(reply.nextStep == nil && !reply.beforeStart)
        // An hour would reach past Participation (5 minutes before the start): capped there.
        let capped = try await daemon.call(SnoozeReminder.self, .init(meetingId: id, steps: card.steps, until: "1h"))
        #expect(
            capped.nextStep == .participation && Date(wire: capped.until) == noon.addingTimeInterval(3 * 3600 - 300))
        _ = try await daemon.call(SnoozeReminder.self, .init(meetingId: id, steps: card.steps, until: "10m"))
        try await daemon.advance(to: noon.addingTimeInterval(3.5 * 3600))
        let cards = await watcher.cards(count: 3)
        #expect(
            cards.map(\.steps) == [
                [.purpose, .preparation, .plan], [.purpose, .preparation, .plan], [.participation],
            ])
        try await daemon.stop()
    }

    /// Snoozing a step that has not been shown yet to before its own time is refused with its time;
    /// nothing of the meeting is silenced.
    @Test func refusesToSnoozeAStepNotShownYetAndSilencesNothing() async throws {
        let daemon = try await daemon()
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let id = try await daemon.add(in: 3600, offsets: merging, duration: "30m")
        let refused = try await daemon.ctl(["snooze", "\(id)", "participation", "1s"])
        #expect(refused.status == 1 && refused.stderr.contains("it is not due until"), "\(refused)")
        try await daemon.advance(to: noon.addingTimeInterval(3600))
        #expect(await watcher.cards(count: 2).map(\.steps) == [[.purpose, .preparation, .plan], [.participation]])
        try await daemon.stop()
    }

    /// Two steps snoozed to end within the merge window of each other both come back, before the start.
    @Test func bringsBackTwoSnoozesEndingCloseTogether() async throws {
        let daemon = try await daemon()
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let id = try await daemon.add(in: 3600, offsets: merging, duration: "30m")
        try await daemon.advance(to: noon.addingTimeInterval(30 * 60))
        _ = try await daemon.call(SnoozeReminder.self, .init(meetingId: id, steps: [.preparation], until: "10m"))
        _ = try await daemon.call(SnoozeReminder.self, .init(meetingId: id, steps: [.plan], until: "10m15s"))
        try await daemon.advance(to: noon.addingTimeInterval(3600))
        let steps = try await daemon.cards(of: watcher).dropFirst().flatMap(\.steps)
        #expect(steps.filter { $0 == .preparation }.count == 1 && steps.filter { $0 == .plan }.count == 1, "\(steps)")
        try await daemon.stop()
    }

    /// With the default merge window and a one-minute meeting, the capture nudges still come after
    /// it ends, not in a card before it.
    @Test func neverMergesCaptureIntoACardBeforeTheMeeting() async throws {
        let daemon = try await daemon()
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let id = try await daemon.add(
            in: 150, offsets: "purpose=120s,preparation=100s,plan=80s,participation=30s,capture=10s,capture_again=1m",
            duration: "1m")
        try await daemon.advance(by: 600)
        let cards = await watcher.cards(count: 2)
        let end = noon.addingTimeInterval(210)
        #expect(cards.first?.steps == [.purpose, .preparation, .plan, .participation])
        #expect(cards.last?.steps == [.capture, .captureAgain])
        #expect(cards.last.flatMap { Date(wire: $0.dueAt) } == end.addingTimeInterval(10))
        let capture = try await daemon.call(SnoozeReminder.self, .init(meetingId: id, steps: [.capture], until: "5m"))
        #expect(Date(wire: capture.until)! > end)
        try await daemon.stop()
    }
}
