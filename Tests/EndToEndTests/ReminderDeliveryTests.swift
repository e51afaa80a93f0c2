import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// Real reminders on a real daemon, with second-long offsets so a test takes seconds.
struct ReminderDeliveryTests {
    private func daemon(in directory: TemporaryDirectory? = nil) throws -> DaemonProcess {
        try DaemonProcess.forSecondLongReminders(in: directory)
    }

    private func add(_ daemon: DaemonProcess, in seconds: Int, offsets: String, title: String = "Career chat") throws
        -> Int64
    {
        try daemon.connect().call(
            AddMeeting.self,
            .init(
                title: title, partner: "Sam", role: .mentee, start: "in \(seconds)s", timeZone: "Europe/Berlin",
                duration: "1s", offsets: offsets)
        ).meeting.id
    }

    @Test func deliversEveryStepToAWatcherInOrderAndOnce() throws {
        let daemon = try daemon()
        defer { daemon.directory.remove() }
        let watcher = try ReminderWatcher(socket: daemon.socketPath)
        let id = try add(
            daemon, in: 9, offsets: "purpose=7s,preparation=6s,plan=5s,participation=4s,capture=1s,capture_again=2s")
        let cards = watcher.waitFor(count: 6)
        #expect(
            cards.map(\.steps) == [
                ["purpose"], ["preparation"], ["plan"], ["participation"], ["capture"], ["captureAgain"],
            ])
        #expect(cards.allSatisfy { $0.meetingId == id && !$0.late && $0.title == "Career chat" })
        #expect(cards.first?.prompts.first?.prompts.isEmpty == false)
        // Wait past one more would-be step time: nothing is sent twice.
        Thread.sleep(forTimeInterval: 1.5)
        #expect(watcher.received.count == 6)
    }

    @Test func firesStepsAlreadyDueAsOneLateCard() throws {
        let daemon = try daemon()
        defer { daemon.directory.remove() }
        let watcher = try ReminderWatcher(socket: daemon.socketPath)
        _ = try add(
            daemon, in: 3600,
            offsets: "purpose=3d,preparation=1d,plan=2h,participation=1s,capture=off,capture_again=off")
        let cards = watcher.waitFor(count: 1)
        #expect(cards.first?.steps == ["purpose", "preparation", "plan"])
        #expect(cards.first?.late == true)
        let next = try daemon.connect().call(GetNextReminder.self, NoParameters())
        #expect(next.reminder?.steps == ["participation"])
        #expect((3590...3600).contains(next.secondsUntilDue ?? 0))
    }

    @Test func keepsDoneStepsQuiet() throws {
        let daemon = try daemon()
        defer { daemon.directory.remove() }
        let watcher = try ReminderWatcher(socket: daemon.socketPath)
        let id = try add(
            daemon, in: 6, offsets: "purpose=4s,preparation=3s,plan=off,participation=off,capture=off,capture_again=off"
        )
        let done = try daemon.ctl(["done", "\(id)", "purpose"])
        #expect(done.stdout == "Marked purpose of meeting \(id) done\n", "\(done)")
        #expect(watcher.waitFor(count: 1).map(\.steps) == [["preparation"]])
        Thread.sleep(forTimeInterval: 1)
        #expect(watcher.received.count == 1)
        let bad = try daemon.ctl(["done", "\(id)", "lunch"])
        #expect(bad.status == 1 && bad.stderr.contains("'lunch' is not a step"))
    }

    @Test func snoozesButNeverPastTheStart() throws {
        let daemon = try daemon()
        defer { daemon.directory.remove() }
        let watcher = try ReminderWatcher(socket: daemon.socketPath)
        let id = try add(
            daemon, in: 8,
            offsets: "purpose=6s,preparation=off,plan=off,participation=off,capture=off,capture_again=off")
        let snoozed = try daemon.ctl(["snooze", "\(id)", "purpose", "3s"])
        #expect(snoozed.status == 0, "\(snoozed)")
        let until = try #require(snoozed.stdout.split(separator: " ").last).trimmingCharacters(in: .newlines)
        let card = try #require(watcher.waitFor(count: 1).first)
        #expect(card.steps == ["purpose"])
        // Fired at the snoozed time (same RFC 3339 form, so text order is time order), not its own.
        #expect(card.dueAt >= until)
        let start = try daemon.connect().call(GetMeeting.self, MeetingIdentifier(id: id)).meeting.start
        let clamped = try daemon.ctl(["snooze", "\(id)", "purpose", "1h"])
        let justBefore = try #require(clamped.stdout.split(separator: " ").last).trimmingCharacters(in: .newlines)
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let gap = try #require(iso.date(from: start)).timeIntervalSince(try #require(iso.date(from: justBefore)))
        #expect(gap == 1, "never past the start: one second before it")
        Thread.sleep(forTimeInterval: 5.5)  // past the start
        let tooLate = try daemon.ctl(["snooze", "\(id)", "purpose", "1h"])
        #expect(tooLate.status == 1, "\(tooLate)")
        #expect(tooLate.stderr.hasPrefix("mentorctl: cannot snooze purpose of meeting \(id): "))
    }

    @Test func doesNotRepeatShownStepsWhenAMeetingMoves() throws {
        let daemon = try daemon()
        defer { daemon.directory.remove() }
        let watcher = try ReminderWatcher(socket: daemon.socketPath)
        let id = try add(
            daemon, in: 3600,
            offsets: "purpose=3d,preparation=1d,plan=off,participation=1s,capture=off,capture_again=off")
        #expect(watcher.waitFor(count: 1).first?.steps == ["purpose", "preparation"])
        _ = try daemon.ctl(["done", "\(id)", "participation"])
        let moved = try daemon.ctl(["edit", "\(id)", "--at", "in 2h"])
        #expect(moved.status == 0, "\(moved)")
        Thread.sleep(forTimeInterval: 1)
        #expect(watcher.received.count == 1, "purpose and preparation were shown; their new times have passed too")
        #expect(
            try daemon.connect().call(GetNextReminder.self, NoParameters()).reminder == nil, "participation stays done")
    }

    @Test func answersSubscribeWithoutMoreAndKeepsTheConnection() throws {
        let daemon = try daemon()
        defer { daemon.directory.remove() }
        let connection = try daemon.connect()
        #expect(
            throws: VarlinkConnectionError.remote(
                VarlinkRemoteError(name: "org.varlink.service.ExpectedMore", parameters: .object([:])))
        ) {
            try connection.call(Subscribe.self, NoParameters())
        }
        #expect(try connection.call(GetStatus.self, NoParameters()).meetings == 0)
    }

    @Test func deliversEachStepExactlyOnceAcrossKillNine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try daemon(in: directory)
        let watcher = try ReminderWatcher(socket: first.socketPath)
        _ = try add(
            first, in: 8, offsets: "purpose=6s,preparation=5s,plan=2s,participation=off,capture=off,capture_again=off")
        #expect(watcher.waitFor(count: 2).map(\.steps) == [["purpose"], ["preparation"]])
        first.crash()
        let second = try daemon(in: directory)
        let again = try ReminderWatcher(socket: second.socketPath)
        #expect(again.waitFor(count: 1).map(\.steps) == [["plan"]])
        Thread.sleep(forTimeInterval: 1)
        #expect(again.received.count == 1, "purpose and preparation are not sent again")
    }

    @Test func sendsADigestAfterDowntimeAndRecordsMissedOnes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try daemon(in: directory)
        _ = try add(
            first, in: 6, offsets: "purpose=3s,preparation=2s,plan=off,participation=off,capture=off,capture_again=off",
            title: "Ahead")
        _ = try add(
            first, in: 30,
            offsets: "purpose=27s,preparation=26s,plan=off,participation=off,capture=off,capture_again=off",
            title: "Later")
        #expect(first.stop() == 0)
        Thread.sleep(forTimeInterval: 7)  // "Ahead" has started; "Later" is 23 s ahead with both steps due
        let second = try daemon(in: directory)
        #expect(
            second.stderr.contains("Reminder: Purpose + Preparation: Later with Sam (starts in")
                && second.stderr.contains("[late]"), "\(second.stderr)")
        #expect(second.stderr.contains("Missed purpose, preparation of 'Ahead': it had started"))
        #expect(!second.stderr.contains(": Ahead with Sam"))
    }
}
