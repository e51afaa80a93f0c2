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

    @Test func deliversEachStepExactlyOnceAcrossKillNine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try daemon(in: directory)
        let watcher = try ReminderWatcher(socket: first.socketPath)
        _ = try add(
            first, in: 4, offsets: "purpose=3s,preparation=2s,plan=1s,participation=off,capture=off,capture_again=off")
        #expect(watcher.waitFor(count: 2).map(\.steps) == [[.purpose], [.preparation]])
        first.crash()
        let second = try daemon(in: directory)
        let again = try ReminderWatcher(socket: second.socketPath)
        #expect(again.waitFor(count: 1).map(\.steps) == [[.plan]])
        Thread.sleep(forTimeInterval: 0.5)
        #expect(again.received.count == 1, "purpose and preparation are not sent again")
    }
}
