import Foundation
import MentorCore
import MentorProtocol
import MentorTestSupport
import Testing

/// Reminders end to end through the socket, in process: the clock is moved by the test, so rules
/// about time take milliseconds and hold at any hour the suite runs.
struct ReminderDeliveryTests {
    let all = "purpose=7s,preparation=6s,plan=5s,participation=4s,capture=1s,capture_again=2s"

    @Test func deliversEveryStepToAWatcherInOrderAndOnce() async throws {
        let daemon = try await InProcessDaemon(now: InProcessDaemon.tuesdayNoon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let id = try await daemon.add(in: 9, offsets: all)
        try await daemon.advance(by: 60)
        let cards = await watcher.cards(count: 6)
        #expect(
            cards.map(\.steps) == [[.purpose], [.preparation], [.plan], [.participation], [.capture], [.captureAgain]])
        #expect(cards.allSatisfy { $0.meetingId == id && !$0.late && $0.kind == .meeting && $0.title == "Career chat" })
        #expect(cards.first?.prompts.first?.prompts.isEmpty == false)
        try await daemon.advance(by: 3600)
        #expect(try await daemon.cards(of: watcher).count == 6, "nothing is sent twice")
        try await daemon.stop()
    }

    @Test func sendsEachCardAtItsDueInstant() async throws {
        let daemon = try await InProcessDaemon(now: InProcessDaemon.tuesdayNoon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        try await daemon.add(in: 9, offsets: all)
        try await daemon.advance(by: 60)
        let cards = await watcher.cards(count: 6)
        let start = InProcessDaemon.tuesdayNoon.addingTimeInterval(9)
        #expect(
            cards.compactMap { Date(wire: $0.dueAt) } == [-7, -6, -5, -4, 2, 3].map { start.addingTimeInterval($0) })
        try await daemon.stop()
    }

    @Test func firesStepsAlreadyDueAsOneLateCardAndKeepsTheRestOnTime() async throws {
        let daemon = try await InProcessDaemon(now: InProcessDaemon.tuesdayNoon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        try await daemon.add(
            in: 3600, offsets: "purpose=3d,preparation=1d,plan=2h,participation=1s,capture=off,capture_again=off")
        let cards = await watcher.cards(count: 1)
        #expect(cards.first?.steps == [.purpose, .preparation, .plan] && cards.first?.late == true)
        let next = try await daemon.call(GetNextReminder.self, NoParameters())
        #expect(next.reminder?.steps == [.participation] && next.secondsUntilDue == 3599)
        try await daemon.stop()
    }

    /// A meeting added 18 minutes ahead with the default 10-minute merge window: Participation keeps
    /// its own time instead of riding along in the late card.
    @Test func keepsParticipationForItsOwnCueWhenAddedShortlyBefore() async throws {
        var configuration = InProcessDaemon.secondsConfiguration
        configuration.reminders.mergeWithinSeconds = 600
        let daemon = try await InProcessDaemon(now: InProcessDaemon.tuesdayNoon, configuration: configuration)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        try await daemon.add(in: 18 * 60, offsets: "capture=off,capture_again=off", duration: "1h")
        try await daemon.advance(by: 18 * 60 - 1)
        let cards = await watcher.cards(count: 2)
        #expect(cards.map(\.steps) == [[.purpose, .preparation, .plan], [.participation]])
        #expect(cards.last.flatMap { Date(wire: $0.dueAt) } == InProcessDaemon.tuesdayNoon.addingTimeInterval(3 * 60))
        try await daemon.stop()
    }

    @Test func keepsDoneStepsQuiet() async throws {
        let daemon = try await InProcessDaemon(now: InProcessDaemon.tuesdayNoon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let id = try await daemon.add(
            in: 6, offsets: "purpose=4s,preparation=3s,plan=off,participation=off,capture=off,capture_again=off")
        let done = try await daemon.ctl(["done", "\(id)", "Purpose"])
        #expect(done.stdout == "Marked Purpose of meeting \(id) done\n", "\(done)")
        try await daemon.advance(by: 60)
        #expect(await watcher.cards(count: 1).map(\.steps) == [[.preparation]])
        #expect(try await daemon.cards(of: watcher).count == 1)
        let bad = try await daemon.ctl(["done", "\(id)", "lunch"])
        #expect(bad.status == 64 && bad.stderr.contains("lunch"), "\(bad)")
        try await daemon.stop()
    }

    @Test func snoozesButNeverPastTheStart() async throws {
        let daemon = try await InProcessDaemon(now: InProcessDaemon.tuesdayNoon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let id = try await daemon.add(
            in: 8, offsets: "purpose=6s,preparation=off,plan=off,participation=off,capture=off,capture_again=off")
        try await daemon.advance(by: 2)
        #expect(await watcher.cards(count: 1).count == 1)
        let snoozed = try await daemon.call(SnoozeReminder.self, .init(meetingId: id, steps: [.purpose], until: "3s"))
        #expect(
            Date(wire: snoozed.until) == InProcessDaemon.tuesdayNoon.addingTimeInterval(5) && snoozed.nextStep == nil)
        try await daemon.advance(by: 3)
        let again = await watcher.cards(count: 2)
        #expect(again.count == 2 && again.last?.steps == [.purpose])
        let clamped = try await daemon.call(SnoozeReminder.self, .init(meetingId: id, steps: [.purpose], until: "1h"))
        #expect(Date(wire: clamped.until) == InProcessDaemon.tuesdayNoon.addingTimeInterval(7), "one second before it")
        #expect(clamped.beforeStart)
        try await daemon.advance(by: 10)
        let tooLate = try await daemon.ctl(["snooze", "\(id)", "purpose", "1h"])
        #expect(tooLate.status == 1 && tooLate.stderr.hasPrefix("mentorctl: cannot snooze Purpose of meeting \(id): "))
        try await daemon.stop()
    }

    @Test func doesNotRepeatShownStepsWhenAMeetingMoves() async throws {
        let daemon = try await InProcessDaemon(now: InProcessDaemon.tuesdayNoon)
        defer { daemon.remove() }
        let watcher = try await daemon.watch()
        let id = try await daemon.add(
            in: 3600, offsets: "purpose=3d,preparation=1d,plan=off,participation=1s,capture=off,capture_again=off")
        #expect(await watcher.cards(count: 1).first?.steps == [.purpose, .preparation])
        _ = try await daemon.ctl(["done", "\(id)", "participation"])
        let moved = try await daemon.ctl(["edit", "\(id)", "--at", "in 2h"])
        #expect(moved.status == 0, "\(moved)")
        try await daemon.advance(by: 3 * 3600)
        #expect(
            try await daemon.cards(of: watcher).count == 1,
            "purpose and preparation were shown; their new times have passed too")
        try await daemon.stop()
    }

    /// A window with more occurrences than one reply holds is read whole, page by page, in order,
    /// each occurrence once: nothing is cut without saying so.
    @Test func pagesThroughAWindowLargerThanOneReply() async throws {
        let daemon = try await InProcessDaemon(now: InProcessDaemon.tuesdayNoon)
        defer { daemon.remove() }
        try await daemon.add(in: 3600, offsets: all, title: "Daily", recurrence: "daily")
        try await daemon.add(in: 5400, offsets: all, title: "Other", recurrence: "daily")
        var pages: [[Wire.Occurrence]] = []
        var after: String?
        repeat {
            let reply = try await daemon.call(ListUpcoming.self, .init(days: 10, after: after, limit: 3))
            pages.append(reply.occurrences)
            after = reply.next
        } while after != nil && pages.count < 20
        let all = pages.flatMap { $0 }
        #expect(pages.count == 7 && pages.dropLast().allSatisfy { $0.count == 3 }, "\(pages.map(\.count))")
        #expect(all.count == 20 && Set(all.map { "\($0.meetingId) \($0.start)" }).count == 20)
        #expect(all.map(\.start) == all.map(\.start).sorted())
        let listed = try await daemon.ctl(["upcoming", "--days", "10"])
        #expect(listed.stdout.components(separatedBy: "(meeting ").count - 1 == 20, "\(listed)")
        try await daemon.stop()
    }

    @Test func answersSubscribeWithoutMoreAndKeepsTheConnection() async throws {
        let daemon = try await InProcessDaemon(now: InProcessDaemon.tuesdayNoon)
        defer { daemon.remove() }
        let socket = daemon.socketPath
        let meetings = try await offThePool {
            let connection = try VarlinkConnection(path: socket)
            #expect(
                throws: VarlinkConnectionError.remote(
                    VarlinkRemoteError(name: "org.varlink.service.ExpectedMore", parameters: .object([:])))
            ) {
                try connection.call(Subscribe.self, NoParameters())
            }
            return try connection.call(GetStatus.self, NoParameters()).meetings
        }
        #expect(meetings == 0)
        try await daemon.stop()
    }
}
