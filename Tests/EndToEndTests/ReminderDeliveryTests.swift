import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// What only a real process shows about reminders: delivery across `kill -9`. The rules about
/// time are tested in process, with a manual clock (MentorDaemonTests).
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

    @Test func deliversEachStepExactlyOnceAcrossKillNine() async throws {
        try await offThePool { [self] in try deliversEachStepExactlyOnceAcrossKillNineBlocking() }
    }

    /// The test's body, run off the concurrency pool: it blocks on processes and sockets.
    private func deliversEachStepExactlyOnceAcrossKillNineBlocking() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try daemon(in: directory)
        let watcher = try ReminderWatcher(socket: first.socketPath)
        // Plan comes 4 s after Preparation: time for a restart on a loaded machine before it is due.
        _ = try add(
            first, in: 7, offsets: "purpose=6s,preparation=5s,plan=1s,participation=off,capture=off,capture_again=off")
        #expect(watcher.waitFor(count: 2).map(\.steps) == [[.purpose], [.preparation]])
        // Killed once the ledger says both were delivered: a kill between a card going out and that
        // record is the crash window that re-sends it (see CrashRecoveryTests).
        let recorded = Date().addingTimeInterval(10)
        while Date() < recorded {
            let states = try first.connect().call(ListUpcoming.self, .init(days: 1)).occurrences.first?.reminders
                .compactMap(\.state)
            if states == ["delivered", "delivered"] { break }
            usleep(10_000)
        }
        first.crash()
        // The restarted daemon's log has every card it sends, also one sent at start-up before any
        // subscriber could connect (when the machine is slow enough for Plan to be due by then).
        let second = try daemon(in: directory)
        let deadline = Date().addingTimeInterval(20)
        while !second.stderr.contains("Reminder: Plan: ") && Date() < deadline { usleep(20_000) }
        let cards = second.stderr.split(separator: "\n").filter { $0.contains("Reminder: ") }
        #expect(cards.count == 1 && cards[0].contains("Reminder: Plan: "), "\(second.stderr)")
    }
}
